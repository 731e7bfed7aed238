package com.offerpulse.stream.rounds;

import java.time.Instant;

import com.offerpulse.contracts.analytics.MeterValues;
import com.offerpulse.contracts.session.EndReason;

/**
 * An ended round, re-keyed by user id on the internal {@code round-outcomes} repartition topic; or, with
 * {@code deleted}, a round its owner deleted (no meters), which the user's view must forget. {@code notEnglish}: most
 * of the round was not English, so it is not scored and does not move the offer probability (issue 14; absent, i.e.
 * false, on outcomes written before it).
 */
public record RoundOutcome(String sessionId, String userId, EndReason endReason, MeterValues finalMeters,
        int sentenceCount, Instant endedAt, boolean deleted, boolean notEnglish) {

    public RoundOutcome(String sessionId, String userId, EndReason endReason, MeterValues finalMeters,
            int sentenceCount, Instant endedAt, boolean deleted) {
        this(sessionId, userId, endReason, finalMeters, sentenceCount, endedAt, deleted, false);
    }

    public static RoundOutcome deletion(String sessionId, String userId, Instant at) {
        return new RoundOutcome(sessionId, userId, null, null, 0, at, true, false);
    }
}
