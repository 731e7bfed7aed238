package com.offerpulse.query.views;

import java.time.Instant;

import com.offerpulse.contracts.analytics.MeterValues;
import com.offerpulse.contracts.analytics.SessionSummary;
import com.offerpulse.contracts.session.EndReason;

/** One of a user's rounds, as listed on the dashboard. */
public record RoundEntry(String sessionId, Instant endedAt, EndReason endReason, double sessionScore,
        Double offerProbabilityBefore, double offerProbabilityAfter, MeterValues finalMeters, int sentenceCount) {

    static RoundEntry of(SessionSummary s) {
        return new RoundEntry(s.sessionId(), s.endedAt(), s.endReason(), s.sessionScore(), s.offerProbabilityBefore(),
                s.offerProbabilityAfter(), s.finalMeters(), s.sentenceCount());
    }
}
