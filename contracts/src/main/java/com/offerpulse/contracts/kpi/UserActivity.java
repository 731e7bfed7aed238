package com.offerpulse.contracts.kpi;

import java.util.Comparator;
import java.util.List;

import com.offerpulse.contracts.json.Require;

/**
 * A user's compact KPI record on the compacted {@code kpi.user-activity.v1} (key: user id): the two earliest rounds
 * they ever completed (for round retention) and their active UTC days, oldest first, within the retention the KPI
 * stream keeps (for the north star and the weekly learning).
 */
public record UserActivity(String userId, RoundMark firstRound, RoundMark secondRound, List<ActivityDay> days) {

    public UserActivity {
        Require.notBlank(userId, "user_id");
        days = List.copyOf(Require.present(days, "days")).stream()
                .sorted(Comparator.comparing(ActivityDay::day)).toList();
        if (secondRound != null) {
            Require.present(firstRound, "first_round");
        }
    }

    public static UserActivity empty(String userId) {
        return new UserActivity(userId, null, null, List.of());
    }
}
