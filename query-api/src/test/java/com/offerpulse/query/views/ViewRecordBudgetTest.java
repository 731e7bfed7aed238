package com.offerpulse.query.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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
import com.offerpulse.contracts.growth.TestimonialPrompt;
import com.offerpulse.contracts.session.EndReason;
import com.offerpulse.contracts.session.SessionDeleted;
import com.offerpulse.contracts.session.SessionEnded;
import com.offerpulse.contracts.session.SessionStarted;
import com.offerpulse.contracts.topic.Topic;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.query.support.Samples;

/**
 * No record of any store, changelog or repartition topic of the read side grows with a round or with a user's
 * history: a round at every bound at once, and a user with far more rounds than the list keeps, stay under
 * {@link QueryTopology#RECORD_BUDGET_BYTES}; and a sentence costs the same bytes at index 0 and at index 399.
 */
class ViewRecordBudgetTest {
    // The bounds the stream processor enforces on what reaches the query side (issue 12). Segments are not read here
    // (2,000 characters each): their text only arrives cut into sentences.
    static final int MAX_SENTENCE_CHARS = 1_000;
    static final int MAX_SENTENCES_PER_ROUND = 400;
    static final int MAX_HINTS = SessionMeters.MAX_HINTS;
    static final int MAX_WEAK_SPANS_PER_SENTENCE = 24; // offerpulse.stream.round-bounds.weak-spans-per-sentence
    // Ingest's bounds on a round's start (StartSessionRequest) and the session id pattern of the API.
    static final int MAX_QUESTION_CHARS = 500;
    static final int MAX_ROLE_CHARS = 80;
    static final int MAX_SESSION_ID_CHARS = 64;
    // Generous stand-ins for what has no bound of its own here: user ids, the hint catalogue's longest text.
    static final int LONG_USER_ID_CHARS = 128;
    static final int LONG_HINT_CHARS = 200;
    /** The costliest character for JSON: a control character is written as a six-byte escape. */
    static final char COSTLIEST = '\u0001';

    private final Instant t = Samples.T0;
    private TopologyTestDriver driver;
    private final Map<String, TestOutputTopic<byte[], byte[]>> outputs = new HashMap<>();

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void shouldKeepEveryRecordUnderTheBudgetForARoundAtEveryBoundAndAUserWithManyRounds() {
        driver = QueryTopologyTest.driver(UserRoundList.MAX_ROUNDS_LISTED);
        String user = id('u', LONG_USER_ID_CHARS);
        String session = id('s', MAX_SESSION_ID_CHARS);

        in(Topics.SESSION_LIFECYCLE).pipeInput(session, new SessionStarted("e-start", session, user,
                worst(MAX_QUESTION_CHARS), worst(MAX_ROLE_CHARS), t), t);
        for (int i = 0; i < MAX_SENTENCES_PER_ROUND; i++) {
            in(Topics.TRANSCRIPT_SENTENCES).pipeInput(session, sentence(session, i), t);
            in(Topics.SESSION_METERS).pipeInput(session, meters(session, i), t);
        }
        in(Topics.SESSION_LIFECYCLE).pipeInput(session, new SessionEnded("e-end", session, user, EndReason.CLIENT,
                t.plusSeconds(3600)), t);
        in(Topics.SESSION_SUMMARIES).pipeInput(user, summary(session, user, t.plusSeconds(3600)), t);
        // The same user with far more rounds than the list keeps, and more deletions than it remembers.
        for (int r = 0; r < 3 * UserRoundList.MAX_ROUNDS_LISTED; r++) {
            String other = id((char) ('a' + r % 26), MAX_SESSION_ID_CHARS - 4) + String.format("%04d", r);
            in(Topics.SESSION_SUMMARIES).pipeInput(user, summary(other, user, t.plusSeconds(7200 + r)), t);
            if (r % 2 == 0) {
                in(Topics.SESSION_LIFECYCLE).pipeInput(other, new SessionDeleted("d" + r, other, user,
                        t.plusSeconds(9000)), t);
            }
        }
        in(Topics.USER_OFFER_PROBABILITY).pipeInput(user, probability(user), t);
        in(Topics.USER_PROMPTS).pipeInput(user, new TestimonialPrompt(user, t, t.plusSeconds(86_400),
                PromptState.ELIGIBLE, session, t), t);

        Map<String, Integer> largest = largestRecordPerTopic();
        System.out.println("Largest record per topic (bytes): " + largest);
        assertThat(largest.keySet()).as("every store's changelog was written and measured").contains(
                changelog(QueryTopology.SESSION_STORE), changelog(QueryTopology.SENTENCE_STORE),
                changelog(QueryTopology.USER_ROUNDS_STORE), changelog(QueryTopology.OFFER_PROBABILITY_STORE),
                changelog(QueryTopology.PROMPTS_STORE));
        assertThat(largest).allSatisfy((topic, bytes) -> assertThat(bytes).as(topic)
                .isLessThanOrEqualTo(QueryTopology.RECORD_BUDGET_BYTES));
        UserRoundList list = (UserRoundList) driver.getKeyValueStore(QueryTopology.USER_ROUNDS_STORE).get(user);
        assertThat(list.rounds()).hasSize(UserRoundList.MAX_ROUNDS_LISTED);
    }

    @Test
    void shouldWriteTheSameBytesForEverySentenceAndEveryMetersUpdateWhateverTheRoundsLength() {
        driver = QueryTopologyTest.driver(UserRoundList.DEFAULT_ROUNDS_LISTED);
        String session = id('s', MAX_SESSION_ID_CHARS);
        in(Topics.SESSION_LIFECYCLE).pipeInput(session, new SessionStarted("e-start", session, "u1", "q", "pm", t), t);
        largestRecordPerTopic();

        List<Long> sentenceBytes = new ArrayList<>();
        List<Long> meterBytes = new ArrayList<>();
        for (int i = 0; i < MAX_SENTENCES_PER_ROUND; i++) {
            in(Topics.TRANSCRIPT_SENTENCES).pipeInput(session, sentence(session, i), t);
            sentenceBytes.add(bytesWrittenSinceLastCall());
            in(Topics.SESSION_METERS).pipeInput(session, meters(session, i), t);
            meterBytes.add(bytesWrittenSinceLastCall());
        }
        assertThat(sentenceBytes.get(0)).isPositive();
        for (int i = 0; i < MAX_SENTENCES_PER_ROUND; i++) {
            // The only difference between sentence 0 and sentence 399 is the index written in decimal in the value.
            long expected = sentenceBytes.get(0) + Integer.toString(i).length() - 1;
            assertThat(sentenceBytes.get(i)).as("bytes written for sentence %d", i).isEqualTo(expected);
        }
        assertThat(meterBytes).as("bytes written per meters update").containsOnly(meterBytes.get(0));
    }

    private String changelog(String store) {
        return "q-test-" + store + "-changelog";
    }

    private <V> TestInputTopic<String, V> in(Topic<String, V> topic) {
        return driver.createInputTopic(topic.name(), new StringSerializer(), topic.valueSerde().serializer());
    }

    /** Reads every record produced since the last read, on every topic (changelogs and repartitions included). */
    private Map<String, List<TestRecord<byte[], byte[]>>> drain() {
        Map<String, List<TestRecord<byte[], byte[]>>> out = new TreeMap<>();
        for (String topic : driver.producedTopicNames()) {
            TestOutputTopic<byte[], byte[]> o = outputs.computeIfAbsent(topic, n -> driver.createOutputTopic(n,
                    new ByteArrayDeserializer(), new ByteArrayDeserializer()));
            out.put(topic, o.readRecordsToList());
        }
        return out;
    }

    private Map<String, Integer> largestRecordPerTopic() {
        Map<String, Integer> largest = new TreeMap<>();
        drain().forEach((topic, records) -> records.forEach(r -> largest.merge(topic, size(r), Math::max)));
        return largest;
    }

    private long bytesWrittenSinceLastCall() {
        return drain().values().stream().flatMap(List::stream).mapToLong(ViewRecordBudgetTest::size).sum();
    }

    private static int size(TestRecord<byte[], byte[]> r) {
        return (r.key() == null ? 0 : r.key().length) + (r.value() == null ? 0 : r.value().length);
    }

    private static String id(char c, int length) {
        return String.valueOf(c).repeat(length);
    }

    private static String worst(int chars) {
        return String.valueOf(COSTLIEST).repeat(chars);
    }

    private static TaggedSentence sentence(String session, int index) {
        List<WeakSpan> spans = new ArrayList<>();
        for (int s = 0; s < MAX_WEAK_SPANS_PER_SENTENCE; s++) {
            spans.add(new WeakSpan(s * 40, s * 40 + 39, WeakSpanKind.UNSUPPORTED, worst(LONG_HINT_CHARS)));
        }
        // Seqs of one width, so every sentence record has the same length (as a real round's would, give or take).
        return new TaggedSentence(session, 100_000L + index, index, worst(MAX_SENTENCE_CHARS), SentenceTag.REFLECTION,
                spans);
    }

    private SessionMeters meters(String session, int i) {
        List<String> hints = new ArrayList<>();
        for (int h = 0; h < MAX_HINTS; h++) {
            hints.add(worst(LONG_HINT_CHARS));
        }
        return new SessionMeters(session, 50, 50, 50, 50, 50, hints, 100_000L + i, t.plusMillis(100_001L + i));
    }

    private static SessionSummary summary(String session, String user, Instant endedAt) {
        List<Driver> drivers = new ArrayList<>();
        List<MeterChange> changes = new ArrayList<>();
        for (String meter : List.of("credibility", "star_structure", "confidence_stability", "impact_strength",
                "risk_drift")) {
            drivers.add(new Driver(meter, -0.123456789, worst(LONG_HINT_CHARS)));
            changes.add(new MeterChange(meter, 100, 0, -100));
        }
        return new SessionSummary(session, user, EndReason.TIMEOUT, new MeterValues(100, 100, 100, 100, 100),
                99.123456789, 0.123456789, 0.987654321, drivers, changes,
                List.of(worst(LONG_HINT_CHARS), worst(LONG_HINT_CHARS), worst(LONG_HINT_CHARS)),
                MAX_SENTENCES_PER_ROUND, endedAt);
    }

    private UserOfferProbability probability(String user) {
        List<Driver> drivers = new ArrayList<>();
        for (int d = 0; d < 5; d++) {
            drivers.add(new Driver("meter" + d, 0.123456789, worst(LONG_HINT_CHARS)));
        }
        return new UserOfferProbability(user, 0.5, new ConfidenceBand(0.25, 0.75), drivers, drivers, 0.01,
                List.of(worst(LONG_HINT_CHARS), worst(LONG_HINT_CHARS), worst(LONG_HINT_CHARS)), 10_000,
                DataSufficiency.OK, t);
    }
}
