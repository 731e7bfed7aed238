package com.offerpulse.contracts.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.offerpulse.contracts.analytics.ConfidenceBand;
import com.offerpulse.contracts.analytics.DataSufficiency;
import com.offerpulse.contracts.analytics.Driver;
import com.offerpulse.contracts.analytics.MeterChange;
import com.offerpulse.contracts.analytics.MeterValues;
import com.offerpulse.contracts.analytics.SentenceTag;
import com.offerpulse.contracts.analytics.SessionMeters;
import com.offerpulse.contracts.analytics.SessionSummary;
import com.offerpulse.contracts.analytics.TaggedSentence;
import com.offerpulse.contracts.analytics.UserOfferProbability;
import com.offerpulse.contracts.analytics.WeakSpan;
import com.offerpulse.contracts.analytics.WeakSpanKind;
import com.offerpulse.contracts.growth.PromptState;
import com.offerpulse.contracts.growth.ProductEvent;
import com.offerpulse.contracts.growth.ProductEventName;
import com.offerpulse.contracts.growth.ShareSnapshot;
import com.offerpulse.contracts.growth.ShareView;
import com.offerpulse.contracts.growth.Testimonial;
import com.offerpulse.contracts.growth.TestimonialPrompt;
import com.offerpulse.contracts.kpi.ActivityDay;
import com.offerpulse.contracts.kpi.DailyFunnel;
import com.offerpulse.contracts.kpi.RoundMark;
import com.offerpulse.contracts.kpi.UserActivity;
import com.offerpulse.contracts.session.EndReason;
import com.offerpulse.contracts.session.SessionDeleted;
import com.offerpulse.contracts.session.SessionEnded;
import com.offerpulse.contracts.session.SessionLifecycleEvent;
import com.offerpulse.contracts.session.SessionStarted;
import com.offerpulse.contracts.topic.Topic;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.contracts.transcript.Speaker;
import com.offerpulse.contracts.transcript.TranscriptSegment;

class EventRoundTripTest {

    static final Instant T0 = Instant.parse("2026-11-26T10:15:30.123Z");

    /** One sample per topic, in the order of {@link Topics#ALL}. */
    static Stream<Object[]> samplePerTopic() {
        MeterValues meters = new MeterValues(71, 64, 58, 40, 22);
        Driver plus = new Driver("credibility", 0.42, "Claims are backed by figures");
        Driver minus = new Driver("impact_strength", -0.31, "Results lack numbers");
        return Stream.of(
                new Object[] {Topics.TRANSCRIPT_SEGMENTS, new TranscriptSegment("s1:3", "s1", "u1", 3, Speaker.CANDIDATE,
                        "I led the migration.", 1200, 3400, true, T0)},
                new Object[] {Topics.SESSION_LIFECYCLE, new SessionStarted("e1", "s1", "u1", "Tell me about a conflict",
                        "backend engineer", T0)},
                new Object[] {Topics.TRANSCRIPT_SENTENCES, new TaggedSentence("s1", 3, 0, "We shipped stuff.",
                        SentenceTag.RESULT, List.of(new WeakSpan(11, 16, WeakSpanKind.VAGUE, "'stuff' — name what shipped")))},
                new Object[] {Topics.SESSION_METERS, new SessionMeters("s1", 71, 64, 58, 40, 22,
                        List.of("Give a number for the result"), 3, T0)},
                new Object[] {Topics.SESSION_SUMMARIES, new SessionSummary("s1", "u1", EndReason.CLIENT, meters, 61.5,
                        null, 0.43, List.of(plus, minus), List.of(new MeterChange("credibility", null, 71, null)),
                        List.of("Quantify your results"), 7, T0)},
                new Object[] {Topics.USER_OFFER_PROBABILITY, new UserOfferProbability("u1", 0.43,
                        new ConfidenceBand(0.2, 0.66), List.of(plus), List.of(minus), null,
                        List.of("Quantify your results"), 1, DataSufficiency.SPARSE, T0)},
                new Object[] {Topics.PRODUCT_EVENTS, new ProductEvent("e2", ProductEventName.CTA_CLICK, "anon-1", null,
                        null, Map.of("variant", "b", "placement", "hero"), T0)},
                new Object[] {Topics.SHARE_SNAPSHOTS, new ShareSnapshot("ab12", "u1", new ShareView(0.43, 0.08, 30, 4,
                        List.of("Credible claims"), List.of("Quantify results")), T0, T0.plusSeconds(86400), false)},
                new Object[] {Topics.USER_PROMPTS, new TestimonialPrompt("u1", T0, T0.plus(java.time.Duration.ofDays(30)),
                        PromptState.ELIGIBLE, "s1", T0)},
                new Object[] {Topics.USER_TESTIMONIALS, new Testimonial("t1", "u1", "It helped me land the offer.", true,
                        "s1", T0)},
                new Object[] {Topics.KPI_USER_ACTIVITY, kpiActivity()},
                new Object[] {Topics.KPI_DAILY, new DailyFunnel(java.time.LocalDate.parse("2026-11-26"), 12, 3,
                        List.of(9_000L, 41_000L), 0)},
                new Object[] {Topics.DEAD_LETTERS, new com.offerpulse.contracts.deadletter.DeadLetter("offerpulse-stream",
                        com.offerpulse.contracts.deadletter.DeadLetter.Stage.DESERIALIZATION, "transcript.segments.v1", 3,
                        42L, "s1", 1_048_600L, "org.apache.kafka.common.errors.SerializationException", T0)});
    }

    private static UserActivity kpiActivity() {
        RoundMark first = new RoundMark("s1", T0, null, 0.43, "credibility", "impact_strength");
        return new UserActivity("u1", first, null,
                List.of(ActivityDay.activeOnly(java.time.LocalDate.parse("2026-11-26")).withRound(first)));
    }

    @ParameterizedTest
    @MethodSource("samplePerTopic")
    <V> void shouldRoundTripEveryTopicsValueThroughItsSerde(Topic<String, V> topic, V value) {
        byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
        V back = topic.valueSerde().deserializer().deserialize(topic.name(), bytes);
        assertThat(back).isEqualTo(value);
        assertThat(new String(bytes)).doesNotContainPattern("\"[a-z]+[A-Z][A-Za-z]*\"\\s*:");
    }

    @org.junit.jupiter.api.Test
    void shouldCoverEveryTopicWithASample() {
        assertThat(samplePerTopic().map(a -> a[0])).containsExactlyElementsOf(Topics.ALL);
    }

    @org.junit.jupiter.api.Test
    void shouldWriteSnakeCaseAndLowercaseWireValues() {
        String json = JsonCodec.encodeToString(new TranscriptSegment("s1:3", "s1", "u1", 3, Speaker.CANDIDATE, "Hi.", 0,
                10, true, T0));
        assertThat(json).contains("\"session_id\":\"s1\"", "\"start_ms\":0", "\"final\":true",
                "\"speaker\":\"candidate\"", "\"occurred_at\":\"2026-11-26T10:15:30.123Z\"");
    }

    @org.junit.jupiter.api.Test
    void shouldTellLifecycleEventsApartByType() {
        SessionLifecycleEvent ended = new SessionEnded("e", "s1", "u1", EndReason.TIMEOUT, T0);
        SessionLifecycleEvent deleted = new SessionDeleted("e", "s1", "u1", T0);
        assertThat(JsonCodec.encodeToString(ended)).contains("\"type\":\"session_ended\"", "\"reason\":\"timeout\"");
        assertThat(JsonCodec.decode(JsonCodec.encode(ended), SessionLifecycleEvent.class)).isEqualTo(ended);
        assertThat(JsonCodec.decode(JsonCodec.encode(deleted), SessionLifecycleEvent.class)).isEqualTo(deleted);
    }

    @org.junit.jupiter.api.Test
    void shouldEncodeIdenticallyForIdenticalValues() {
        ProductEvent a = new ProductEvent("e", ProductEventName.LANDING_VIEW, "x", null, null,
                Map.of("b", "2", "a", "1", "c", "3"), T0);
        ProductEvent b = new ProductEvent("e", ProductEventName.LANDING_VIEW, "x", null, null,
                new java.util.LinkedHashMap<>(Map.of("c", "3", "a", "1", "b", "2")), T0);
        assertThat(JsonCodec.encode(a)).isEqualTo(JsonCodec.encode(b));
    }
}
