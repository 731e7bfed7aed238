package com.offerpulse.contracts.analytics;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.offerpulse.contracts.json.Require;

/**
 * The current offer-probability view of a user on the compacted {@code user.offer-probability.v1}, keyed by user
 * id. {@code offerProbability} and {@code confidenceBand} are null while {@code dataSufficiency} is NONE.
 */
public record UserOfferProbability(
        String userId,
        Double offerProbability,
        ConfidenceBand confidenceBand,
        List<Driver> driversPositive,
        List<Driver> driversNegative,
        Double deltaVsLastSession,
        List<String> whatToFixNext,
        @JsonProperty(required = true) int sessionsCount,
        DataSufficiency dataSufficiency,
        Instant updatedAt) {

    public UserOfferProbability {
        Require.notBlank(userId, "user_id");
        driversPositive = List.copyOf(Require.present(driversPositive, "drivers_positive"));
        driversNegative = List.copyOf(Require.present(driversNegative, "drivers_negative"));
        whatToFixNext = List.copyOf(Require.present(whatToFixNext, "what_to_fix_next"));
        Require.notNegative(sessionsCount, "sessions_count");
        Require.present(dataSufficiency, "data_sufficiency");
        Require.present(updatedAt, "updated_at");
    }
}
