package com.offerpulse.query.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
import com.offerpulse.contracts.json.JsonSerde;
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
        driver = driver(UserRoundList.DEFAULT_ROUNDS_LISTED);
    }

    /** A driver over the very topology the application runs, with the settings' defaults. */
    static TopologyTestDriver driver(int roundsListed) {
        QuerySettings settings = new QuerySettings("q-test", System.getProperty("java.io.tmpdir") + "/qt-" + System.nanoTime(),
                "127.0.0.1", java.time.Duration.ofMillis(50), 0, -1, java.time.Duration.ofSeconds(2),
                java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(10), roundsListed);
        Properties props = QueryTopology.streamsConfig(settings, "unused:9092", "127.0.0.1:1");
        return new TopologyTestDriver(QueryTopology.build(roundsListed), props, Samples.T0);
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
        assertThat(sentences("s1")).as("a re-delivered sentence replaces itself").hasSize(1);
        assertThat(s.legacySentences()).isEmpty();
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
        for (int i = 0; i < 3; i++) {
            in(Topics.TRANSCRIPT_SENTENCES).pipeInput("s1", new TaggedSentence("s1", i + 1, i, "Said.",
                    SentenceTag.OTHER, List.of()), t);
        }
        in(Topics.TRANSCRIPT_SENTENCES).pipeInput("s10", new TaggedSentence("s10", 1, 0, "Kept.", SentenceTag.OTHER,
                List.of()), t);
        in(Topics.SESSION_SUMMARIES).pipeInput("u1", Samples.summary("s1", "u1", t, null, 0.4), t);
        assertThat(sentences("s1")).hasSize(3);
        in(Topics.SESSION_LIFECYCLE).pipeInput("s1", new SessionDeleted("e2", "s1", "u1", t.plusSeconds(5)), t);
        in(Topics.TRANSCRIPT_SENTENCES).pipeInput("s1", new TaggedSentence("s1", 3, 2, "Late.", SentenceTag.OTHER,
                List.of()), t);
        in(Topics.SESSION_SUMMARIES).pipeInput("u1", Samples.summary("s1", "u1", t, null, 0.4), t);

        SessionView s = get(QueryTopology.SESSION_STORE, "s1");
        assertThat(s.deleted()).isTrue();
        assertThat(sentences("s1")).as("the round's sentences go with it, and a late one stays out").isEmpty();
        assertThat(sentences("s10")).as("another round sharing the id's first characters is untouched").hasSize(1);
        UserRoundList rounds = get(QueryTopology.USER_ROUNDS_STORE, "u1");
        assertThat(rounds.rounds()).isEmpty();
    }

    @Test
    void shouldStoreEachSentenceUnderItsOwnKeyInIndexOrder() {
        in(Topics.SESSION_LIFECYCLE).pipeInput("s1", new SessionStarted("e1", "s1", "u1", "q", "pm", t), t);
        for (int index : new int[] {11, 2, 0, 1, 10}) {
            in(Topics.TRANSCRIPT_SENTENCES).pipeInput("s1", new TaggedSentence("s1", index + 1, index, "S" + index,
                    SentenceTag.OTHER, List.of()), t);
        }
        assertThat(sentences("s1")).extracting(TaggedSentence::index).containsExactly(0, 1, 2, 10, 11);
        SessionView view = get(QueryTopology.SESSION_STORE, "s1");
        assertThat(view.legacySentences()).isEmpty();
    }

    @Test
    void shouldDecodeAViewWrittenBeforeTheUpgradeAndMoveItsSentencesOnTheNextUpdate() {
        // A session-views record as the previous version wrote it: the sentences inline.
        String old = """
                {"session_id":"s1","user_id":"u1","question":"q","target_role":"pm",
                 "started_at":"2026-11-20T10:00:00Z","ended":false,"ended_at":null,"deleted":false,
                 "sentences":[
                   {"session_id":"s1","seq":1,"index":0,"text":"Old zero.","tag":"CONTEXT","weak_spans":[]},
                   {"session_id":"s1","seq":2,"index":1,"text":"Old one.","tag":"ACTION","weak_spans":[]}],
                 "meters":null,"summary":null}
                """;
        SessionView decoded = new JsonSerde<>(SessionView.class).deserializer().deserialize("t",
                old.getBytes(StandardCharsets.UTF_8));
        assertThat(decoded.legacySentences()).extracting(TaggedSentence::text).containsExactly("Old zero.", "Old one.");
        KeyValueStore<String, SessionView> views = driver.getKeyValueStore(QueryTopology.SESSION_STORE);
        views.put("s1", decoded);

        in(Topics.TRANSCRIPT_SENTENCES).pipeInput("s1", new TaggedSentence("s1", 3, 2, "New two.",
                SentenceTag.RESULT, List.of()), t);

        assertThat(sentences("s1")).extracting(TaggedSentence::text).containsExactly("Old zero.", "Old one.",
                "New two.");
        SessionView migrated = get(QueryTopology.SESSION_STORE, "s1");
        assertThat(migrated.legacySentences()).isEmpty();
        assertThat(migrated.userId()).isEqualTo("u1");
        assertThat(new String(new JsonSerde<>(SessionView.class).serializer().serialize("t", migrated),
                StandardCharsets.UTF_8)).as("a new view never writes the inline field").doesNotContain("sentences");
    }

    @Test
    void shouldSkipAndCountRecordsItCannotUseInsteadOfThrowing() {
        in(Topics.TRANSCRIPT_SENTENCES).pipeInput("s1", null, t);
        in(Topics.SESSION_METERS).pipeInput("s1", null, t);
        in(Topics.SESSION_SUMMARIES).pipeInput("u1", null, t);
        in(Topics.SESSION_LIFECYCLE).pipeInput("a#b", new SessionStarted("e1", "a#b", "u1", "q", "pm", t), t);
        in(Topics.TRANSCRIPT_SENTENCES).pipeInput("s1", new TaggedSentence("s2", 1, 0, "Not s1's.", SentenceTag.OTHER,
                List.of()), t);
        in(Topics.SESSION_LIFECYCLE).pipeInput("s1", new SessionStarted("e1", "s1", "u1", "q", "pm", t), t);

        assertThat(skipped(SessionViewProcessor.NAME)).isEqualTo(4.0);
        assertThat(sentences("s1")).isEmpty();
        assertThat(skipped(UserRoundsProcessor.NAME)).isEqualTo(1.0);
        assertThat(this.<SessionView>get(QueryTopology.SESSION_STORE, "s1").userId())
                .as("processing goes on after the skipped records").isEqualTo("u1");
        assertThat(this.<SessionView>get(QueryTopology.SESSION_STORE, "a#b")).isNull();
    }

    @Test
    void shouldKeepOnlyTheNewestRoundsInAUsersList() {
        driver.close();
        driver = driver(3);
        for (int i = 0; i < 5; i++) {
            in(Topics.SESSION_SUMMARIES).pipeInput("u1", Samples.summary("s" + i, "u1", t.plusSeconds(i * 60L), null,
                    0.4), t);
        }
        // An old round arriving late does not push a newer one out.
        in(Topics.SESSION_SUMMARIES).pipeInput("u1", Samples.summary("old", "u1", t.minusSeconds(60), null, 0.4), t);
        UserRoundList rounds = get(QueryTopology.USER_ROUNDS_STORE, "u1");
        assertThat(rounds.rounds()).extracting(RoundEntry::sessionId).containsExactly("s4", "s3", "s2");
    }

    private List<TaggedSentence> sentences(String sessionId) {
        KeyValueStore<String, TaggedSentence> kv = driver.getKeyValueStore(QueryTopology.SENTENCE_STORE);
        List<TaggedSentence> out = new java.util.ArrayList<>();
        try (var it = kv.prefixScan(SentenceKeys.prefix(sessionId), new StringSerializer())) {
            it.forEachRemaining(e -> out.add(e.value));
        }
        return out;
    }

    private double skipped(String processor) {
        return driver.metrics().entrySet().stream()
                .filter(e -> e.getKey().group().equals(SkippedRecords.GROUP)
                        && e.getKey().name().equals(SkippedRecords.OPERATION + "-total")
                        && processor.equals(e.getKey().tags().get(SkippedRecords.SCOPE + "-id")))
                .mapToDouble(e -> (double) e.getValue().metricValue()).sum();
    }

    @Test
    void shouldForgetAUsersViewOnATombstone() {
        in(Topics.USER_OFFER_PROBABILITY).pipeInput("u1", Samples.view("u1", 0.5, 1), t);
        in(Topics.USER_OFFER_PROBABILITY).pipeInput("u1", null, t);
        Object stored = get(QueryTopology.OFFER_PROBABILITY_STORE, "u1");
        assertThat(stored).isNull();
    }
}
