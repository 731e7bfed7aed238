package com.offerpulse.query.user;

import java.time.Instant;
import java.util.List;

import com.offerpulse.contracts.analytics.ConfidenceBand;
import com.offerpulse.contracts.analytics.DataSufficiency;
import com.offerpulse.contracts.analytics.Driver;
import com.offerpulse.contracts.analytics.UserOfferProbability;

/** {@code GET /api/user/offer-probability}: exactly the fields of DESIGN.md, nulls included. */
public record OfferProbabilityResponse(Double offerProbability, ConfidenceBand confidenceBand,
        List<Driver> driversPositive, List<Driver> driversNegative, Double deltaVsLastSession,
        List<String> whatToFixNext, int sessionsCount, DataSufficiency dataSufficiency, Instant updatedAt) {

    static OfferProbabilityResponse of(UserOfferProbability v) {
        return new OfferProbabilityResponse(v.offerProbability(), v.confidenceBand(), v.driversPositive(),
                v.driversNegative(), v.deltaVsLastSession(), v.whatToFixNext(), v.sessionsCount(), v.dataSufficiency(),
                v.updatedAt());
    }

    /** A user with no rounds yet: 200, nothing to show but an invitation. */
    static OfferProbabilityResponse none() {
        return new OfferProbabilityResponse(null, null, List.of(), List.of(), null, List.of(), 0, DataSufficiency.NONE,
                null);
    }
}
