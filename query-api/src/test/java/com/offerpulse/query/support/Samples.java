package com.offerpulse.query.support;

import java.time.Instant;
import java.util.List;

import com.offerpulse.contracts.analytics.ConfidenceBand;
import com.offerpulse.contracts.analytics.DataSufficiency;
import com.offerpulse.contracts.analytics.Driver;
import com.offerpulse.contracts.analytics.MeterChange;
import com.offerpulse.contracts.analytics.MeterValues;
import com.offerpulse.contracts.analytics.SentenceTag;
import com.offerpulse.contracts.analytics.SessionMeters;
import com.offerpulse.contracts.analytics.SessionSummary;
import com.offerpulse.contracts.analytics.TaggedSentence;
import com.offerpulse.contracts.analytics.UserOfferProbability;
import com.offerpulse.contracts.analytics.WeakSpan;
import com.offerpulse.contracts.analytics.WeakSpanKind;
import com.offerpulse.contracts.session.EndReason;
import com.offerpulse.query.views.QueryTopology;
import com.offerpulse.query.views.SentenceKeys;
import com.offerpulse.query.views.SessionView;

public final class Samples {
    public static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private Samples() {
    }

    public static UserOfferProbability view(String userId, double p, int rounds) {
        return new UserOfferProbability(userId, p, new ConfidenceBand(p - 0.2, p + 0.2),
                List.of(new Driver("credibility", 0.31, "You back claims with specifics")),
                List.of(new Driver("impact_strength", -0.42, "Results lack numbers"),
                        new Driver("risk_drift", -0.12, "Answers wander late")),
                rounds > 1 ? 0.05 : null, List.of("Quantify your results"), rounds,
                rounds >= 3 ? DataSufficiency.OK : DataSufficiency.SPARSE, T0.plusSeconds(rounds * 3600L));
    }

    public static SessionSummary summary(String sessionId, String userId, Instant endedAt, Double before,
            double after) {
        MeterValues m = new MeterValues(70, 60, 55, 40, 20);
        return new SessionSummary(sessionId, userId, EndReason.CLIENT, m, 58.5, before, after,
                List.of(new Driver("impact_strength", -0.3, "Results lack numbers")),
                List.of(new MeterChange("credibility", before == null ? null : 65, 70, before == null ? null : 5)),
                List.of("Quantify your results"), 6, endedAt);
    }

    /** The one sentence of {@link #endedRound}, stored under {@link SentenceKeys#of}. */
    public static TaggedSentence sentence(String sessionId, int index) {
        return new TaggedSentence(sessionId, index + 2L, index, "We improved things a lot.", SentenceTag.RESULT,
                List.of(new WeakSpan(12, 18, WeakSpanKind.VAGUE, "'things' — name what changed")));
    }

    public static SessionView endedRound(String sessionId, String userId) {
        SessionMeters meters = new SessionMeters(sessionId, 70, 60, 55, 40, 20, List.of("Give a number"), 2, T0);
        return new SessionView(sessionId, userId, "Tell me about a launch", "pm", T0, true, T0.plusSeconds(200),
                false, meters, summary(sessionId, userId, T0.plusSeconds(200), 0.41, 0.46), List.of());
    }

    public static SessionView openRound(String sessionId, String userId) {
        return new SessionView(sessionId, userId, "Tell me about a launch", "pm", T0, false, null, false, null, null,
                List.of());
    }

    /** An ended round in {@code views} as the topology leaves it: the view, and its sentence under its own key. */
    public static void putEndedRound(InMemoryViews views, String sessionId, String userId) {
        views.put(QueryTopology.SESSION_STORE, sessionId, endedRound(sessionId, userId));
        views.put(QueryTopology.SENTENCE_STORE, SentenceKeys.of(sessionId, 0), sentence(sessionId, 0));
    }
}
