package com.offerpulse.query.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.offerpulse.contracts.analytics.Driver;
import com.offerpulse.contracts.growth.ShareView;

class ShareViewBuilderTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private static ShareSource.RoundPoint round(int daysAgo, Double before, double after) {
        return new ShareSource.RoundPoint(NOW.minus(Duration.ofDays(daysAgo)), before, after);
    }

    private static ShareSource source(Double p, List<ShareSource.RoundPoint> rounds) {
        return new ShareSource(p, List.of(), List.of(), rounds);
    }

    @Test
    void shouldMeasureTheChangeFromTheLastRoundBeforeThePeriod() {
        ShareView v = ShareViewBuilder.build(source(0.612, List.of(round(40, null, 0.35), round(45, null, 0.2),
                round(5, 0.45, 0.612), round(20, 0.35, 0.45))), 30, NOW);
        assertThat(v.offerProbability()).isEqualTo(0.61);
        assertThat(v.changeOverPeriod()).isEqualTo(0.26);
        assertThat(v.roundsCompleted()).isEqualTo(2);
        assertThat(v.periodDays()).isEqualTo(30);
    }

    @Test
    void shouldStartFromTheFirstRoundsBeforeValueWhenNothingCameEarlier() {
        ShareView v = ShareViewBuilder.build(source(0.5, List.of(round(3, 0.44, 0.5), round(10, 0.41, 0.44))), 30,
                NOW);
        assertThat(v.changeOverPeriod()).isEqualTo(0.09);
    }

    @Test
    void shouldStartFromTheFirstEverRoundAndGiveNoChangeForASingleRound() {
        assertThat(ShareViewBuilder.build(source(0.5, List.of(round(3, 0.42, 0.5), round(10, null, 0.42))), 30, NOW)
                .changeOverPeriod()).isEqualTo(0.08);
        ShareView single = ShareViewBuilder.build(source(0.42, List.of(round(10, null, 0.42))), 30, NOW);
        assertThat(single.changeOverPeriod()).isNull();
        assertThat(single.roundsCompleted()).isEqualTo(1);
    }

    @Test
    void shouldGiveNoChangeWithoutARoundInThePeriod() {
        ShareView v = ShareViewBuilder.build(source(0.5, List.of(round(40, 0.4, 0.5))), 30, NOW);
        assertThat(v.changeOverPeriod()).isNull();
        assertThat(v.roundsCompleted()).isZero();
        assertThat(v.offerProbability()).isEqualTo(0.5);
    }

    @Test
    void shouldNeverWriteMinusZero() {
        ShareView v = ShareViewBuilder.build(source(0.5, List.of(round(3, 0.501, 0.5))), 30, NOW);
        assertThat(v.changeOverPeriod()).isEqualTo(0.0);
        assertThat(Double.doubleToRawLongBits(v.changeOverPeriod())).isEqualTo(Double.doubleToRawLongBits(0.0));
    }

    @Test
    void shouldNameAtMostThreeDriversEachInFixedPlainWordsOnly() {
        List<Driver> positive = List.of(new Driver("risk_drift", 0.05, "You said: we basically did stuff"),
                new Driver("credibility", 0.4, "Credibility averaged 80/100 over your last 3 rounds"),
                new Driver("star_structure", 0.2, "detail"), new Driver("impact_strength", 0.1, "detail"),
                new Driver("a_new_meter", 0.9, "detail"), new Driver("confidence_stability", -0.1, "detail"));
        List<Driver> negative = List.of(new Driver("answer_length", -0.3, "Your recent answers averaged 2.0"),
                new Driver("risk_drift", -0.6, "detail"));
        ShareView v = ShareViewBuilder.build(new ShareSource(0.5, positive, negative, List.of()), 30, NOW);

        assertThat(v.strengths()).containsExactly("Backs claims with specific, first-hand evidence",
                "Tells stories in a clear situation, action, result order", "Shows measurable results");
        assertThat(v.focusAreas()).containsExactly("Staying concise and on topic",
                "Giving complete, full-length answers");
        assertThat(String.join(" ", v.strengths()) + String.join(" ", v.focusAreas()))
                .doesNotContain("stuff", "80/100", "2.0", "detail");
    }
}
