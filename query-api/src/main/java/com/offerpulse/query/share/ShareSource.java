package com.offerpulse.query.share;

import java.time.Instant;
import java.util.List;

import com.offerpulse.contracts.analytics.Driver;

/**
 * What a snapshot is built from: the user's current offer-probability view and their rounds (newest first), as read
 * from the views. Private data (session ids, details) stops here; {@link ShareViewBuilder} keeps only safe parts.
 */
record ShareSource(Double offerProbability, List<Driver> driversPositive, List<Driver> driversNegative,
        List<RoundPoint> rounds) {

    ShareSource {
        driversPositive = List.copyOf(driversPositive);
        driversNegative = List.copyOf(driversNegative);
        rounds = List.copyOf(rounds);
    }

    /** One ended round: when, and the offer probability before (null on a first round) and after it. */
    record RoundPoint(Instant endedAt, Double before, double after) {
    }
}
