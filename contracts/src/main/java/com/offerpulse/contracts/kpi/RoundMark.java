package com.offerpulse.contracts.kpi;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.offerpulse.contracts.analytics.Driver;
import com.offerpulse.contracts.analytics.SessionSummary;
import com.offerpulse.contracts.json.Require;

/**
 * The KPI facts of one completed round, taken from its {@code SessionSummary}: when it ended, the offer probability
 * before and after it, and the meter names of its strongest positive and negative round drivers (null when none).
 */
public record RoundMark(String sessionId, Instant endedAt, Double offerProbabilityBefore,
        @JsonProperty(required = true) double offerProbabilityAfter, String topPositiveDriver,
        String topNegativeDriver) {

    /** Rounds in the order they ended; the session id breaks ties so the order never depends on arrival. */
    public static final Comparator<RoundMark> ENDED_ORDER = Comparator.comparing(RoundMark::endedAt)
            .thenComparing(RoundMark::sessionId);

    public RoundMark {
        Require.notBlank(sessionId, "session_id");
        Require.present(endedAt, "ended_at");
    }

    public static RoundMark of(SessionSummary summary) {
        return new RoundMark(summary.sessionId(), summary.endedAt(), summary.offerProbabilityBefore(),
                summary.offerProbabilityAfter(), strongest(summary.drivers(), true),
                strongest(summary.drivers(), false));
    }

    /**
     * Where the round started from: the probability before it, or for a user's very first round (no before) the
     * probability it produced itself.
     */
    public double baseline() {
        return offerProbabilityBefore != null ? offerProbabilityBefore : offerProbabilityAfter;
    }

    private static String strongest(List<Driver> drivers, boolean positive) {
        Driver best = null;
        for (Driver d : drivers) {
            boolean sideOk = positive ? d.contribution() > 0 : d.contribution() < 0;
            if (!sideOk) {
                continue;
            }
            if (best == null || Math.abs(d.contribution()) > Math.abs(best.contribution())
                    || (Math.abs(d.contribution()) == Math.abs(best.contribution())
                            && d.meter().compareTo(best.meter()) < 0)) {
                best = d;
            }
        }
        return best == null ? null : best.meter();
    }
}
