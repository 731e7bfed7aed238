package com.offerpulse.contracts.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.offerpulse.contracts.analytics.Driver;
import com.offerpulse.contracts.analytics.MeterValues;
import com.offerpulse.contracts.analytics.SessionSummary;
import com.offerpulse.contracts.json.ContractViolation;
import com.offerpulse.contracts.session.EndReason;
import com.offerpulse.contracts.topic.Topics;

class KpiRecordsTest {
    private static final Instant T0 = Instant.parse("2026-11-26T10:15:30Z");

    @Test
    void shouldRoundTripBothKpiRecordsThroughTheirTopicSerdesInSnakeCase() {
        RoundMark first = new RoundMark("s1", T0, null, 0.41, "impact_strength", "risk_drift");
        UserActivity activity = new UserActivity("u1", first, null,
                List.of(ActivityDay.activeOnly(LocalDate.parse("2026-11-27")),
                        ActivityDay.activeOnly(LocalDate.parse("2026-11-26")).withRound(first)));
        DailyFunnel day = new DailyFunnel(LocalDate.parse("2026-11-26"), 12, 3, List.of(9_000L, 1_000L), 0);

        byte[] activityBytes = Topics.KPI_USER_ACTIVITY.valueSerde().serializer().serialize("t", activity);
        byte[] dayBytes = Topics.KPI_DAILY.valueSerde().serializer().serialize("t", day);

        assertThat(Topics.KPI_USER_ACTIVITY.valueSerde().deserializer().deserialize("t", activityBytes))
                .isEqualTo(activity);
        assertThat(Topics.KPI_DAILY.valueSerde().deserializer().deserialize("t", dayBytes)).isEqualTo(day);
        assertThat(new String(activityBytes)).contains("\"day\":\"2026-11-26\"", "\"session_ids\":[\"s1\"]",
                "\"offer_probability_before\":null", "\"top_positive_driver\":\"impact_strength\"");
        assertThat(new String(dayBytes)).contains("\"landing_visits\":12", "\"time_to_wow_ms\":[1000,9000]");
        assertThat(activity.days()).extracting(ActivityDay::day).isSorted();
    }

    @Test
    void shouldTakeTheStrongestSignedDriversOfARoundAndItsBaseline() {
        SessionSummary summary = new SessionSummary("s1", "u1", EndReason.CLIENT, new MeterValues(50, 50, 50, 50, 50),
                50, null, 0.4, List.of(new Driver("credibility", 0.2, "d"), new Driver("answer_length", -0.9, "d"),
                        new Driver("impact_strength", 0.7, "d"), new Driver("risk_drift", -0.1, "d")),
                List.of(), List.of(), 5, T0);

        RoundMark mark = RoundMark.of(summary);

        assertThat(mark.topPositiveDriver()).isEqualTo("impact_strength");
        assertThat(mark.topNegativeDriver()).isEqualTo("answer_length");
        assertThat(mark.baseline()).as("a first round starts from its own result").isEqualTo(0.4);
    }

    @Test
    void shouldRefuseADayWhoseRoundsAndMarksDisagree() {
        assertThatThrownBy(() -> new ActivityDay(LocalDate.parse("2026-11-26"), List.of("s1"), null, null))
                .isInstanceOf(ContractViolation.class);
    }

    @Test
    void shouldRoundRatesToFourDecimalsAndNeverDivideByZero() {
        assertThat(new Ratio(1, 3).rate()).isEqualTo(0.3333);
        assertThat(new Ratio(2, 3).rate()).isEqualTo(0.6667);
        assertThat(new Ratio(0, 0).rate()).isNull();
        assertThat(KpiFigures.median(List.of())).isNull();
        assertThat(KpiFigures.median(List.of(1L, 4L))).as("2.5 rounds half up").isEqualTo(3L);
    }
}
