package com.offerpulse.stream.rounds;

import java.time.Instant;

import com.offerpulse.contracts.analytics.MeterValues;
import com.offerpulse.contracts.session.EndReason;

/**
 * An ended round, re-keyed by user id on the internal {@code round-outcomes} repartition topic; or, with
 * {@code deleted}, a round its owner deleted (no meters), which the user's view must forget.
 */
public record RoundOutcome(String sessionId, String userId, EndReason endReason, MeterValues finalMeters,
        int sentenceCount, Instant endedAt, boolean deleted) {

    public static RoundOutcome deletion(String sessionId, String userId, Instant at) {
        return new RoundOutcome(sessionId, userId, null, null, 0, at, true);
    }
}
