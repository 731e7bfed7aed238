package com.offerpulse.contracts.analytics;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.offerpulse.contracts.json.Require;
import com.offerpulse.contracts.session.EndReason;

/**
 * One ended round on {@code session.summaries.v1}, keyed by user id: final meters, the session score, the offer
 * probability before and after it, what changed against the previous round and what to fix next.
 */
public record SessionSummary(
        String sessionId,
        String userId,
        EndReason endReason,
        MeterValues finalMeters,
        @JsonProperty(required = true) double sessionScore,
        Double offerProbabilityBefore,
        @JsonProperty(required = true) double offerProbabilityAfter,
        List<Driver> drivers,
        List<MeterChange> whatChanged,
        List<String> whatToFixNext,
        @JsonProperty(required = true) int sentenceCount,
        Instant endedAt) {

    public SessionSummary {
        Require.notBlank(sessionId, "session_id");
        Require.notBlank(userId, "user_id");
        Require.present(endReason, "end_reason");
        Require.present(finalMeters, "final_meters");
        drivers = List.copyOf(Require.present(drivers, "drivers"));
        whatChanged = List.copyOf(Require.present(whatChanged, "what_changed"));
        whatToFixNext = List.copyOf(Require.present(whatToFixNext, "what_to_fix_next"));
        Require.notNegative(sentenceCount, "sentence_count");
        Require.present(endedAt, "ended_at");
    }
}
