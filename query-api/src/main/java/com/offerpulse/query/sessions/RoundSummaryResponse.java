package com.offerpulse.query.sessions;

import java.time.Instant;
import java.util.List;

import com.offerpulse.contracts.analytics.Driver;
import com.offerpulse.contracts.analytics.MeterChange;
import com.offerpulse.contracts.analytics.MeterValues;
import com.offerpulse.contracts.analytics.SessionSummary;
import com.offerpulse.contracts.session.EndReason;
import com.offerpulse.query.views.SessionView;

/** {@code GET /api/sessions/{id}}: the end-of-round card. */
public record RoundSummaryResponse(String sessionId, String question, String targetRole, Instant startedAt,
        Instant endedAt, EndReason endReason, double sessionScore, Double offerProbabilityBefore,
        double offerProbabilityAfter, Double offerProbabilityChange, MeterValues finalMeters,
        List<MeterChange> whatChanged, List<String> whatToFixNext, List<Driver> drivers, int sentenceCount) {

    static RoundSummaryResponse of(SessionView view) {
        SessionSummary s = view.summary();
        Double change = s.offerProbabilityBefore() == null ? null
                : Math.round((s.offerProbabilityAfter() - s.offerProbabilityBefore()) * 10_000d) / 10_000d;
        return new RoundSummaryResponse(s.sessionId(), view.question(), view.targetRole(), view.startedAt(),
                s.endedAt(), s.endReason(), s.sessionScore(), s.offerProbabilityBefore(), s.offerProbabilityAfter(),
                change, s.finalMeters(), s.whatChanged(), s.whatToFixNext(), s.drivers(), s.sentenceCount());
    }
}
