package com.offerpulse.query.user;

import java.time.Instant;

import com.offerpulse.contracts.analytics.MeterValues;
import com.offerpulse.contracts.session.EndReason;
import com.offerpulse.query.views.RoundEntry;

/** One round in the dashboard list: enough for a trend chart and a side-by-side comparison. */
public record RoundItem(String sessionId, Instant endedAt, EndReason endReason, double sessionScore,
        Double offerProbabilityBefore, double offerProbabilityAfter, Double offerProbabilityChange,
        MeterValues finalMeters, int sentenceCount) {

    static RoundItem of(RoundEntry r) {
        Double change = r.offerProbabilityBefore() == null ? null
                : Math.round((r.offerProbabilityAfter() - r.offerProbabilityBefore()) * 10_000d) / 10_000d;
        return new RoundItem(r.sessionId(), r.endedAt(), r.endReason(), r.sessionScore(), r.offerProbabilityBefore(),
                r.offerProbabilityAfter(), change, r.finalMeters(), r.sentenceCount());
    }
}
