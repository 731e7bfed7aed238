package com.offerpulse.query.share;

import java.time.Instant;
import java.util.List;

import com.offerpulse.contracts.growth.ShareSnapshot;

/**
 * {@code GET /api/share/{token}}: the user-safe snapshot and its dates, nothing else (docs/GROWTH.md lists these
 * fields; a test holds the JSON to exactly them).
 */
public record PublicShare(Double offerProbability, Double changeOverPeriod, int periodDays, int roundsCompleted,
        List<String> strengths, List<String> focusAreas, Instant createdAt, Instant expiresAt) {

    static PublicShare of(ShareSnapshot s) {
        return new PublicShare(s.view().offerProbability(), s.view().changeOverPeriod(), s.view().periodDays(),
                s.view().roundsCompleted(), s.view().strengths(), s.view().focusAreas(), s.createdAt(), s.expiresAt());
    }
}
