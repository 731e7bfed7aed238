package com.offerpulse.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

import com.offerpulse.contracts.analytics.SessionSummary;
import com.offerpulse.contracts.topic.Topics;

/**
 * A round whose outcome reaches the user processor after more than {@code recent-rounds} newer rounds of the same
 * user (here: ended by the inactivity timeout after eleven later rounds ended) used to throw in the user processor,
 * and a failing record stops the stream thread again on every retry.
 */
class LateRoundTest {
    private static final List<String> ANSWER = List.of("I led the checkout migration at my last company.",
            "We cut payment errors from 4% to 0.6% in two weeks.", "I learned to measure before fixing anything.");

    @Test
    void shouldSummariseARoundThatEndedBeforeEveryKeptRoundAndKeepProcessing() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.start("s_late", "u_1");
            f.say("s_late", "u_1", 1, "So at my last company I owned the checkout service.");
            for (int i = 1; i <= 11; i++) {
                f.playRound("s_" + i, "u_1", ANSWER);
            }
            f.read(Topics.SESSION_SUMMARIES);

            f.advanceWallClock(Duration.ofMinutes(11));
            f.playRound("s_after", "u_1", ANSWER);

            List<KeyValue<String, SessionSummary>> summaries = f.read(Topics.SESSION_SUMMARIES);
            assertThat(summaries).extracting(kv -> kv.value.sessionId()).containsExactly("s_late", "s_after");
            SessionSummary late = summaries.get(0).value;
            assertThat(late.offerProbabilityBefore()).isNull();
            assertThat(late.offerProbabilityAfter()).isBetween(0.0, 1.0);
            assertThat(summaries.get(1).value.offerProbabilityBefore()).isNotNull();
        }
    }
}
