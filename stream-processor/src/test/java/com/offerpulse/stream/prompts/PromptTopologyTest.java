package com.offerpulse.stream.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.offerpulse.contracts.analytics.MeterValues;
import com.offerpulse.contracts.analytics.SessionSummary;
import com.offerpulse.contracts.growth.ProductEvent;
import com.offerpulse.contracts.growth.ProductEventName;
import com.offerpulse.contracts.growth.PromptState;
import com.offerpulse.contracts.growth.TestimonialPrompt;
import com.offerpulse.contracts.session.EndReason;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.stream.StreamSettings;

/** The prompt state machine through the real topology (TopologyTestDriver, event time only). */
class PromptTopologyTest {
    private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");
    private static final String ADA = "u_ada";

    private TopologyTestDriver driver;
    private TestInputTopic<String, SessionSummary> summaries;
    private TestInputTopic<String, ProductEvent> events;
    private TestOutputTopic<String, TestimonialPrompt> prompts;
    private int sessions;

    private void start(PromptSettings settings) {
        Properties props = PromptTopology.streamsConfig(settings, StreamSettings.defaults(), "unused:9092");
        props.put("state.dir", System.getProperty("java.io.tmpdir") + "/prompts-tt-" + System.nanoTime());
        driver = new TopologyTestDriver(PromptTopology.build(settings), props, T0);
        summaries = driver.createInputTopic(Topics.SESSION_SUMMARIES.name(), new StringSerializer(),
                Topics.SESSION_SUMMARIES.valueSerde().serializer());
        events = driver.createInputTopic(Topics.PRODUCT_EVENTS.name(), new StringSerializer(),
                Topics.PRODUCT_EVENTS.valueSerde().serializer());
        prompts = driver.createOutputTopic(Topics.USER_PROMPTS.name(), new StringDeserializer(),
                Topics.USER_PROMPTS.valueSerde().deserializer());
    }

    private void start() {
        start(PromptSettings.defaults());
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    /** An ended round at {@code day} (days after T0) whose offer probability went from {@code before} to {@code after}. */
    private String round(String userId, double day, Double before, double after) {
        String sessionId = "s_" + (++sessions);
        Instant at = T0.plusSeconds((long) (day * 86_400));
        summaries.pipeInput(userId, new SessionSummary(sessionId, userId, EndReason.CLIENT,
                new MeterValues(60, 60, 60, 60, 30), 60.0, before, after, List.of(), List.of(), List.of(), 6, at), at);
        return sessionId;
    }

    private void event(String key, String userId, ProductEventName name, double day) {
        Instant at = T0.plusSeconds((long) (day * 86_400));
        events.pipeInput(key, new ProductEvent("e-" + System.nanoTime(), name, userId == null ? "anon-1" : null,
                userId, null, Map.of(), at), at);
    }

    private void answer(ProductEventName name, double day) {
        event(ADA, ADA, name, day);
    }

    private TestimonialPrompt stored(String userId) {
        KeyValueStore<String, TestimonialPrompt> store = driver.getKeyValueStore(PromptTopology.PROMPT_STORE);
        return store.get(userId);
    }

    private List<TestimonialPrompt> emitted() {
        return prompts.readKeyValuesToList().stream().map(kv -> kv.value).toList();
    }

    /**
     * The prompt's records do not grow with a user's activity (docs/ARCHITECTURE.md, "Round bounds"): one
     * constant-size state per user, whatever the number of rounds and answers, far within the 64 KiB budget.
     */
    @Test
    void shouldKeepOneSmallRecordPerUserWhateverTheirActivity() {
        start();
        for (int i = 0; i < 300; i++) {
            round(ADA, i * 0.5, 0.30 + (i % 2) * 0.1, 0.30 + ((i + 1) % 2) * 0.1);
            answer(i % 3 == 0 ? ProductEventName.TESTIMONIAL_PROMPT_SHOWN : ProductEventName.TESTIMONIAL_DISMISSED,
                    i * 0.5 + 0.1);
        }
        int largest = 0;
        for (String topic : driver.producedTopicNames()) {
            for (var r : driver.createOutputTopic(topic, new StringDeserializer(),
                    new org.apache.kafka.common.serialization.ByteArrayDeserializer()).readRecordsToList()) {
                largest = Math.max(largest, r.value() == null ? 0 : r.value().length);
            }
        }
        assertThat(largest).isPositive().isLessThan(1_024);
        int users = 0;
        try (var all = driver.getKeyValueStore(PromptTopology.PROMPT_STORE).all()) {
            while (all.hasNext()) {
                all.next();
                users++;
            }
        }
        assertThat(users).isOne();
    }

    @Test
    void shouldStayNotEligibleWhenTheRiseIsBelowTheThreshold() {
        start();
        round(ADA, 0, null, 0.40);
        round(ADA, 1, 0.40, 0.429);
        round(ADA, 2, 0.429, 0.41);
        assertThat(prompts.isEmpty()).isTrue();
        assertThat(stored(ADA)).isNull();
    }

    @Test
    void shouldNotCountAFirstRoundAsARise() {
        start();
        round(ADA, 0, null, 0.90);
        assertThat(prompts.isEmpty()).isTrue();
    }

    @Test
    void shouldBecomeEligibleWithTheRoundThatRoseByAtLeastTheThreshold() {
        start();
        round(ADA, 0, null, 0.40);
        String rising = round(ADA, 2, 0.40, 0.43);

        List<KeyValue<String, TestimonialPrompt>> out = prompts.readKeyValuesToList();
        assertThat(out).singleElement().satisfies(kv -> {
            assertThat(kv.key).isEqualTo(ADA);
            assertThat(kv.value.state()).isEqualTo(PromptState.ELIGIBLE);
            assertThat(kv.value.eligibleSessionId()).isEqualTo(rising);
            assertThat(kv.value.cycleStart()).isEqualTo(T0.plus(Duration.ofDays(2)));
            assertThat(kv.value.cycleEnd()).isEqualTo(T0.plus(Duration.ofDays(32)));
        });
        assertThat(stored(ADA).state()).isEqualTo(PromptState.ELIGIBLE);
    }

    @Test
    void shouldFollowTheConfiguredThreshold() {
        start(new PromptSettings("offerpulse-prompts", 0.10, Duration.ofDays(30)));
        round(ADA, 0, 0.40, 0.49);
        assertThat(prompts.isEmpty()).isTrue();
        round(ADA, 1, 0.49, 0.60);
        assertThat(emitted()).extracting(TestimonialPrompt::state).containsExactly(PromptState.ELIGIBLE);
    }

    @Test
    void shouldKeepTheFirstEligibleRoundWhileTheCycleLasts() {
        start();
        String first = round(ADA, 1, 0.40, 0.45);
        round(ADA, 2, 0.45, 0.50);
        assertThat(emitted()).singleElement()
                .satisfies(p -> assertThat(p.eligibleSessionId()).isEqualTo(first));
    }

    @Test
    void shouldStayAwayAfterADismissalOnTheNextEligibleRoundOfTheSameCycle() {
        start();
        String eligible = round(ADA, 1, 0.40, 0.45);
        answer(ProductEventName.TESTIMONIAL_PROMPT_SHOWN, 1.1);
        answer(ProductEventName.TESTIMONIAL_DISMISSED, 1.2);
        round(ADA, 20, 0.45, 0.55);

        assertThat(emitted()).extracting(TestimonialPrompt::state)
                .containsExactly(PromptState.ELIGIBLE, PromptState.SHOWN, PromptState.DISMISSED);
        TestimonialPrompt now = stored(ADA);
        assertThat(now.state()).isEqualTo(PromptState.DISMISSED);
        assertThat(now.eligibleSessionId()).isEqualTo(eligible);
        assertThat(now.cycleStart()).isEqualTo(T0.plus(Duration.ofDays(1)));
    }

    @Test
    void shouldBecomeEligibleAgainInANewCycleAfterThirtyDays() {
        start();
        round(ADA, 1, 0.40, 0.45);
        answer(ProductEventName.TESTIMONIAL_DISMISSED, 2);
        round(ADA, 30.9, 0.45, 0.50); // still the first cycle (it ends on day 31)
        String next = round(ADA, 31, 0.50, 0.56);

        List<TestimonialPrompt> out = emitted();
        assertThat(out).extracting(TestimonialPrompt::state)
                .containsExactly(PromptState.ELIGIBLE, PromptState.DISMISSED, PromptState.ELIGIBLE);
        TestimonialPrompt renewed = out.get(2);
        assertThat(renewed.eligibleSessionId()).isEqualTo(next);
        assertThat(renewed.cycleStart()).isEqualTo(T0.plus(Duration.ofDays(31)));
        assertThat(renewed.cycleEnd()).isEqualTo(T0.plus(Duration.ofDays(61)));
    }

    @Test
    void shouldEndThePromptForTheCycleOnceSubmitted() {
        start();
        round(ADA, 1, 0.40, 0.45);
        answer(ProductEventName.TESTIMONIAL_SUBMITTED, 1.5);
        round(ADA, 10, 0.45, 0.60);
        answer(ProductEventName.TESTIMONIAL_PROMPT_SHOWN, 10.1);
        answer(ProductEventName.TESTIMONIAL_DISMISSED, 10.2);

        assertThat(emitted()).extracting(TestimonialPrompt::state)
                .containsExactly(PromptState.ELIGIBLE, PromptState.SUBMITTED);
        assertThat(stored(ADA).state()).isEqualTo(PromptState.SUBMITTED);
    }

    @Test
    void shouldHoldADismissalFromAnotherDeviceForAFullCycleEvenBeforeEligibility() {
        start();
        answer(ProductEventName.TESTIMONIAL_DISMISSED, 0);
        round(ADA, 5, 0.40, 0.50);
        assertThat(emitted()).singleElement().satisfies(p -> {
            assertThat(p.state()).isEqualTo(PromptState.DISMISSED);
            assertThat(p.eligibleSessionId()).isNull();
            assertThat(p.cycleEnd()).isEqualTo(T0.plus(Duration.ofDays(30)));
        });
    }

    @Test
    void shouldIgnoreAnonymousOtherAndMisKeyedEvents() {
        start();
        round(ADA, 1, 0.40, 0.45);
        event("anon-1", null, ProductEventName.TESTIMONIAL_PROMPT_SHOWN, 1.1);
        event("u_bob", ADA, ProductEventName.TESTIMONIAL_DISMISSED, 1.2);
        answer(ProductEventName.LANDING_VIEW, 1.3);
        answer(ProductEventName.SESSION_COMPLETED, 1.4);

        assertThat(emitted()).extracting(TestimonialPrompt::state).containsExactly(PromptState.ELIGIBLE);
        assertThat(stored("u_bob")).isNull();
        assertThat(stored(ADA).state()).isEqualTo(PromptState.ELIGIBLE);
    }

    @Test
    void shouldKeepUsersApart() {
        start();
        round(ADA, 1, 0.40, 0.45);
        round("u_bob", 1, 0.40, 0.41);
        answer(ProductEventName.TESTIMONIAL_DISMISSED, 2);
        assertThat(stored(ADA).state()).isEqualTo(PromptState.DISMISSED);
        assertThat(stored("u_bob")).isNull();
    }
}
