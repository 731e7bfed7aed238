package com.offerpulse.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class StreamsHealthIndicatorTest {

    @Test
    void shouldBeUpOnlyWhileRunningOrRebalancingAndNotCrashLooping() {
        assertThat(StreamsHealthIndicator.statusOf(State.RUNNING, false)).isEqualTo(Status.UP);
        assertThat(StreamsHealthIndicator.statusOf(State.REBALANCING, false)).isEqualTo(Status.UP);
        assertThat(StreamsHealthIndicator.statusOf(State.RUNNING, true)).isEqualTo(Status.DOWN);
        for (State s : new State[] {State.ERROR, State.PENDING_ERROR, State.PENDING_SHUTDOWN, State.NOT_RUNNING}) {
            assertThat(StreamsHealthIndicator.statusOf(s, false)).as(s.name()).isEqualTo(Status.DOWN);
        }
        assertThat(StreamsHealthIndicator.statusOf(State.CREATED, false)).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(StreamsHealthIndicator.statusOf(null, false)).isEqualTo(Status.OUT_OF_SERVICE);
    }

    @Test
    void shouldReportTheWorstStatus() {
        assertThat(StreamsHealthIndicator.worse(Status.UP, Status.OUT_OF_SERVICE)).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(StreamsHealthIndicator.worse(Status.DOWN, Status.OUT_OF_SERVICE)).isEqualTo(Status.DOWN);
        assertThat(StreamsHealthIndicator.worse(Status.UP, Status.UP)).isEqualTo(Status.UP);
    }
}
