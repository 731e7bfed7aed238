package com.offerpulse.query.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.offerpulse.contracts.analytics.SentenceTag;
import com.offerpulse.contracts.analytics.SessionMeters;
import com.offerpulse.contracts.analytics.SessionSummary;
import com.offerpulse.contracts.analytics.TaggedSentence;
import com.offerpulse.contracts.analytics.UserOfferProbability;
import com.offerpulse.contracts.session.SessionDeleted;
import com.offerpulse.contracts.session.SessionLifecycleEvent;
import com.offerpulse.contracts.session.SessionStarted;
import com.offerpulse.contracts.topic.Topic;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.query.QuerySettings;
import com.offerpulse.query.support.Samples;

class QueryTopologyTest {
    private TopologyTestDriver driver;
    private final Instant t = Samples.T0;

    @BeforeEach
    void start() {
        QuerySettings settings = new QuerySettings("q-test", System.getProperty("java.io.tmpdir") + "/qt-" + System.nanoTime(),
                "127.0.0.1", java.time.Duration.ofMillis(50), 0, -1, java.time.Duration.ofSeconds(2),
                java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(10));
        Properties props = QueryTopology.streamsConfig(settings, "unused:9092", "127.0.0.1:1");
        driver = new TopologyTestDriver(QueryTopology.build(), props, t);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private <V> TestInputTopic<String, V> in(Topic<String, V> topic) {
        return driver.createInputTopic(topic.name(), new StringSerializer(), topic.valueSerde().serializer());
    }

    private <V> V get(String store, String key) {
        KeyValueStore<String, V> kv = driver.getKeyValueStore(store);
        return kv.get(key);
    }

    @Test
    void shouldFoldARoundIntoItsSessionViewAndTheUsersList() {
        TestInputTopic<String, SessionLifecycleEvent> lifecycle = in(Topics.SESSION_LIFECYCLE);
        lifecycle.pipeInput("s1", new SessionStarted("e1", "s1", "u1", "Tell me about a launch", "pm", t), t);
        in(Topics.TRANSCRIPT_SENTENCES).pipeInput("s1", new TaggedSentence("s1", 1, 0, "We launched.",
                SentenceTag.RESULT, List.of()), t);
        in(Topics.TRANSCRIPT_SENTENCES).pipeInput("s1", new TaggedSentence("s1", 1, 0, "We launched.",
                SentenceTag.RESULT, List.of()), t);
        in(Topics.SESSION_METERS).pipeInput("s1", new SessionMeters("s1", 50, 40, 60, 30, 10, List.of(), 1, t), t);
        in(Topics.SESSION_METERS).pipeInput("s1", new SessionMeters("s1", 10, 10, 10, 10, 10, List.of(), 0, t), t);
        SessionSummary summary = Samples.summary("s1", "u1", t.plusSeconds(60), null, 0.44);
        in(Topics.SESSION_SUMMARIES).pipeInput("u1", summary, t);
        UserOfferProbability view = Samples.view("u1", 0.44, 1);
        in(Topics.USER_OFFER_PROBABILITY).pipeInput("u1", view, t);

        SessionView s = get(QueryTopology.SESSION_STORE, "s1");
        assertThat(s.userId()).isEqualTo("u1");
        assertThat(s.question()).isEqualTo("Tell me about a launch");
        assertThat(s.sentences()).hasSize(1);
        assertThat(s.meters().asOfSeq()).as("an older meters record never replaces a newer one").isEqualTo(1);
        assertThat(s.summary()).isEqualTo(summary);
        UserRoundList rounds = get(QueryTopology.USER_ROUNDS_STORE, "u1");
        assertThat(rounds.rounds()).extracting(RoundEntry::sessionId).containsExactly("s1");
        Object stored = get(QueryTopology.OFFER_PROBABILITY_STORE, "u1");
        assertThat(stored).isNotNull();
    }

    @Test
    void shouldDropADeletedRoundFromEveryViewAndKeepItOut() {
        in(Topics.SESSION_LIFECYCLE).pipeInput("s1", new SessionStarted("e1", "s1", "u1", "q", "pm", t), t);
        in(Topics.SESSION_SUMMARIES).pipeInput("u1", Samples.summary("s1", "u1", t, null, 0.4), t);
        in(Topics.SESSION_LIFECYCLE).pipeInput("s1", new SessionDeleted("e2", "s1", "u1", t.plusSeconds(5)), t);
        in(Topics.TRANSCRIPT_SENTENCES).pipeInput("s1", new TaggedSentence("s1", 3, 2, "Late.", SentenceTag.OTHER,
                List.of()), t);
        in(Topics.SESSION_SUMMARIES).pipeInput("u1", Samples.summary("s1", "u1", t, null, 0.4), t);

        SessionView s = get(QueryTopology.SESSION_STORE, "s1");
        assertThat(s.deleted()).isTrue();
        assertThat(s.sentences()).isEmpty();
        UserRoundList rounds = get(QueryTopology.USER_ROUNDS_STORE, "u1");
        assertThat(rounds.rounds()).isEmpty();
    }

    @Test
    void shouldForgetAUsersViewOnATombstone() {
        in(Topics.USER_OFFER_PROBABILITY).pipeInput("u1", Samples.view("u1", 0.5, 1), t);
        in(Topics.USER_OFFER_PROBABILITY).pipeInput("u1", null, t);
        Object stored = get(QueryTopology.OFFER_PROBABILITY_STORE, "u1");
        assertThat(stored).isNull();
    }
}
