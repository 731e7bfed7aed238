package com.offerpulse.loadgen.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void shouldTakeNearestRankPercentiles() {
        LatencySummary s = LatencySummary.ofMillis(5, 1, 4, 2, 3, 10, 9, 8, 7, 6);

        assertThat(s.count()).isEqualTo(10);
        assertThat(s.p50()).isEqualTo(5);
        assertThat(s.p95()).isEqualTo(10);
        assertThat(s.p99()).isEqualTo(10);
        assertThat(s.max()).isEqualTo(10);
        assertThat(s.mean()).isEqualTo(5.5);
    }

    @Test
    void shouldReadPercentilesInMillisecondsFromAMicrosecondHistogram() {
        Histogram h = new Histogram(3_600_000_000L, 3);
        for (int ms = 1; ms <= 1_000; ms++) {
            h.recordValue(ms * 1_000L);
        }

        LatencySummary s = LatencySummary.of(h);

        assertThat(s.p50()).isCloseTo(500, within(1.0));
        assertThat(s.p95()).isCloseTo(950, within(1.0));
        assertThat(s.p99()).isCloseTo(990, within(1.0));
        assertThat(s.max()).isCloseTo(1_000, within(1.0));
    }

    @Test
    void shouldBeEmptyWithoutSamples() {
        assertThat(LatencySummary.of(new Histogram(1_000, 3))).isEqualTo(LatencySummary.EMPTY);
        assertThat(LatencySummary.ofMillis()).isEqualTo(LatencySummary.EMPTY);
    }

    @Test
    void shouldExpressAFigureAsAMultipleOfItsFloor() {
        LatencySummary platform = LatencySummary.ofMillis(30, 30, 200);
        LatencySummary floor = LatencySummary.ofMillis(2, 2, 8);

        assertThat(platform.over(floor)).isEqualTo(new LatencySummary.Ratio(15.0, 25.0));
        assertThat(platform.over(LatencySummary.EMPTY)).isEqualTo(new LatencySummary.Ratio(0, 0));
    }

    @Test
    void shouldKeepIntervalsApartAndFoldOnlySteadyOnesIntoTheSteadyWindow() {
        LatencyRecorder r = new LatencyRecorder();
        r.recordNanos(900_000_000L); // a slow ramp-up sample
        LatencySummary ramp = r.tick(false);
        r.recordNanos(20_000_000L);
        r.recordNanos(40_000_000L);
        LatencySummary steady = r.tick(true);

        assertThat(ramp.count()).isEqualTo(1);
        assertThat(steady.count()).isEqualTo(2);
        assertThat(r.all().count()).isEqualTo(3);
        assertThat(r.steady().count()).isEqualTo(2);
        assertThat(r.steady().max()).isCloseTo(40, within(0.1));
    }
}
