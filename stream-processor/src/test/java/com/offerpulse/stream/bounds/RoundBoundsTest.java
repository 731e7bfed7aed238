package com.offerpulse.stream.bounds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.offerpulse.contracts.analytics.SessionMeters;
import com.offerpulse.contracts.analytics.SessionSummary;
import com.offerpulse.contracts.analytics.TaggedSentence;
import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.contracts.session.EndReason;
import com.offerpulse.contracts.session.SessionEnded;
import com.offerpulse.contracts.session.SessionLifecycleEvent;
import com.offerpulse.contracts.session.SessionStarted;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.contracts.transcript.Speaker;
import com.offerpulse.contracts.transcript.TranscriptSegment;
import com.offerpulse.stream.OfferPulseTopology;
import com.offerpulse.stream.StreamSettings;
import com.offerpulse.stream.probability.OfferProbabilityModel;
import com.offerpulse.stream.rounds.RoundBounds;
import com.offerpulse.stream.rounds.RoundEngine;
import com.offerpulse.stream.rounds.RoundProcessor;
import com.offerpulse.stream.rounds.RoundState;
import com.offerpulse.stream.tagging.SentenceSplitter;
import com.offerpulse.stream.tagging.SentenceTagger;
import com.offerpulse.testsupport.answers.RealisticAnswers;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Rounds at every bound of {@link RoundBounds} through the real topology: every record of every topic the topology
 * writes (outputs, repartition, changelogs) stays within the {@value #BUDGET}-byte budget, each cut happened as
 * docs/ARCHITECTURE.md ("Round bounds") says, was counted, and a neighbour's normal round is scored as usual.
 */
class RoundBoundsTest {
    /** The per-record budget (docs/ARCHITECTURE.md): far under the 1 MiB of the producer and broker. */
    static final int BUDGET = 64 * 1024;
    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");
    private static final SentenceTagger TAGGER = SentenceTagger.load();
    private static final RoundBounds B = RoundBounds.defaults();
    private static final String LETTERLESS = "-- -- -- \uD83D\uDE00\uD83D\uDE00 ... \u2014 !? ";

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, TranscriptSegment> segments;
    private TestInputTopic<String, SessionLifecycleEvent> lifecycle;

    @BeforeEach
    void start() {
        Metrics.addRegistry(meters);
        StreamSettings settings = StreamSettings.defaults();
        RoundEngine engine = new RoundEngine(new SentenceSplitter(), TAGGER, settings);
        Properties props = OfferPulseTopology.streamsConfig(settings, "unused:9092");
        props.put("state.dir", System.getProperty("java.io.tmpdir") + "/bounds-" + UUID.randomUUID());
        driver = new TopologyTestDriver(OfferPulseTopology.build(settings, engine, new OfferProbabilityModel()), props,
                T0);
        segments = driver.createInputTopic(Topics.TRANSCRIPT_SEGMENTS.name(), new StringSerializer(),
                Topics.TRANSCRIPT_SEGMENTS.valueSerde().serializer());
        lifecycle = driver.createInputTopic(Topics.SESSION_LIFECYCLE.name(), new StringSerializer(),
                Topics.SESSION_LIFECYCLE.valueSerde().serializer());
    }

    @AfterEach
    void stop() {
        driver.close();
        Metrics.removeRegistry(meters);
    }

    @Test
    void shouldKeepEveryRecordWithinTheBudgetWhenRoundsPushEveryBound() {
        // Letterless text of the longest segments: the open sentence is cut at its bound, the round at its characters.
        start("s_letterless", "u_hostile");
        String letterless = repeatTo(LETTERLESS, TranscriptSegment.MAX_TEXT_LENGTH);
        for (int seq = 1; seq <= 40; seq++) {
            say("s_letterless", "u_hostile", seq, letterless, T0.plusSeconds(seq));
        }
        // One "word" of the longest segment, twice: complete sentences are cut into pieces too.
        start("s_longword", "u_hostile");
        say("s_longword", "u_hostile", 1, "a".repeat(TranscriptSegment.MAX_TEXT_LENGTH - 1) + ".", T0.plusSeconds(1));
        say("s_longword", "u_hostile", 2, "b".repeat(TranscriptSegment.MAX_TEXT_LENGTH), T0.plusSeconds(2));
        // Gaps and held segments: odd seqs only (every other one missing), then many held long segments at once.
        start("s_gaps", "u_hostile");
        for (int seq = 3; seq <= 2 * B.roundSegments() + 300; seq += 2) {
            say("s_gaps", "u_hostile", seq, seq % 5 == 0 ? "Um. " : "-- \uD83D\uDE00", T0.plusMillis(seq));
        }
        start("s_held", "u_hostile");
        for (int seq = 2; seq <= 40; seq++) {
            say("s_held", "u_hostile", seq, repeatTo("We shipped it and things improved a lot. ", 1_900),
                    T0.plusMillis(seq));
        }
        // Held segments with a gap between each, of the characters JSON writes longest (control characters: 6 bytes).
        start("s_wide", "u_hostile");
        String wide = repeatTo("\u0001\u2014", TranscriptSegment.MAX_TEXT_LENGTH);
        for (int seq = 2; seq <= 80; seq += 2) {
            say("s_wide", "u_hostile", seq, wide, T0.plusMillis(seq));
        }
        RoundState wideHeld = roundState("s_wide");
        // Short sentences, many of them: the sentences bound.
        start("s_sentences", "u_hostile");
        for (int seq = 1; seq <= 300; seq++) {
            say("s_sentences", "u_hostile", seq, "I did it. We won. Um like stuff.", T0.plusSeconds(seq));
        }
        // The longest duration: the first segment beyond it ends the round (reason timeout).
        start("s_long", "u_hostile");
        say("s_long", "u_hostile", 1, "I led the migration.", T0);
        say("s_long", "u_hostile", 2, "It took a while.", T0.plus(B.roundDuration()));
        say("s_long", "u_hostile", 3, "This one is too late.", T0.plus(B.roundDuration()).plusSeconds(1));
        // A neighbour's ordinary round meanwhile.
        start("s_normal", "u_normal");
        long seq = 1;
        for (String chunk : RealisticAnswers.STRONG) {
            say("s_normal", "u_normal", seq++, chunk, T0.plusSeconds(3 * seq));
        }
        RoundState gapsBeforeEnd = roundState("s_gaps");
        RoundState letterlessBeforeEnd = roundState("s_letterless");
        RoundState heldMidway = roundState("s_held");
        for (String s : List.of("s_letterless", "s_longword", "s_gaps", "s_held", "s_wide", "s_sentences", "s_normal")) {
            end(s, s.equals("s_normal") ? "u_normal" : "u_hostile");
        }

        Map<String, List<TestRecord<String, byte[]>>> written = new HashMap<>();
        for (String topic : driver.producedTopicNames()) {
            TestOutputTopic<String, byte[]> out = driver.createOutputTopic(topic,
                    new org.apache.kafka.common.serialization.StringDeserializer(), new ByteArrayDeserializer());
            written.put(topic, out.readRecordsToList());
        }
        assertThat(written.keySet()).as("outputs, repartition and changelogs").contains(
                Topics.TRANSCRIPT_SENTENCES.name(), Topics.SESSION_METERS.name(), Topics.SESSION_SUMMARIES.name(),
                "offerpulse-stream-" + OfferPulseTopology.ROUND_STORE + "-changelog",
                "offerpulse-stream-" + OfferPulseTopology.USER_STORE + "-changelog");
        Map<String, Integer> largest = new java.util.TreeMap<>();
        written.forEach((topic, records) -> records.forEach(r -> largest.merge(topic, size(r), Math::max)));
        assertThat(largest.get("offerpulse-stream-round-state-changelog")).as("the wide held segments were measured")
                .isGreaterThan(B.heldChars() * 3);
        assertThat(largest).as("largest record per topic").allSatisfy((topic, size) -> assertThat(size)
                .as("largest in %s", topic).isLessThanOrEqualTo(BUDGET));

        List<TaggedSentence> sentences = decoded(written, Topics.TRANSCRIPT_SENTENCES.name(), TaggedSentence.class);
        assertThat(sentences).allSatisfy(s -> assertThat(s.text().length()).isLessThanOrEqualTo(B.openSentenceChars()));
        // Letterless: no sentence (pieces without a word are dropped), the open sentence never past its bound.
        assertThat(sentences).noneMatch(s -> s.sessionId().equals("s_letterless"));
        assertThat(letterlessBeforeEnd.pendingText().length()).isLessThanOrEqualTo(B.openSentenceChars());
        assertThat(letterlessBeforeEnd.charCount()).isEqualTo(B.roundChars());
        assertThat(letterlessBeforeEnd.cut()).isEqualTo(RoundState.Cut.CHARS);
        // One long word: cut into pieces of the bound.
        assertThat(sentences.stream().filter(s -> s.sessionId().equals("s_longword")).map(s -> s.text().length()))
                .containsExactly(1_000, 1_000, 1_000, 1_000);
        // Gaps: the applied-seq set stays at its bound; the round stops at its segments.
        assertThat(gapsBeforeEnd.applied().ranges()).hasSizeLessThanOrEqualTo(B.seqGaps());
        assertThat(gapsBeforeEnd.segmentCount()).isEqualTo(B.roundSegments());
        assertThat(gapsBeforeEnd.cut()).isEqualTo(RoundState.Cut.SEGMENTS);
        assertThat(gapsBeforeEnd.held()).hasSizeLessThanOrEqualTo(StreamSettings.defaults().maxHeldSegments());
        // Held: never more than the held characters wait for a gap, even with a gap between each.
        assertThat(heldMidway.held().stream().mapToInt(h -> h.text().length()).sum())
                .isLessThanOrEqualTo(B.heldChars());
        assertThat(wideHeld.held()).isNotEmpty();
        assertThat(wideHeld.held().stream().mapToInt(h -> h.text().length()).sum())
                .isLessThanOrEqualTo(B.heldChars());
        // Sentences: exactly the bound, then the cut said once to the candidate.
        assertThat(sentences.stream().filter(s -> s.sessionId().equals("s_sentences"))).hasSize(B.roundSentences());
        List<SessionMeters> meterUpdates = decoded(written, Topics.SESSION_METERS.name(), SessionMeters.class);
        assertThat(meterUpdates.stream().filter(m -> m.sessionId().equals("s_sentences"))
                .filter(m -> !m.hints().isEmpty() && m.hints().get(0).startsWith("Answer too long"))).hasSize(1);
        assertThat(meterUpdates).filteredOn(m -> m.sessionId().equals("s_gaps"))
                .anySatisfy(m -> assertThat(m.hints().get(0)).isEqualTo(
                        "Answer too long: only the first 2000 segments are scored."));
        // Duration: ended by timeout at the segment beyond it, which was dropped.
        List<SessionLifecycleEvent> ends = decoded(written, Topics.SESSION_LIFECYCLE.name(),
                SessionLifecycleEvent.class);
        assertThat(ends).anySatisfy(e -> {
            assertThat(e).isInstanceOf(SessionEnded.class);
            assertThat(((SessionEnded) e).sessionId()).isEqualTo("s_long");
            assertThat(((SessionEnded) e).reason()).isEqualTo(EndReason.TIMEOUT);
        });
        assertThat(sentences.stream().filter(s -> s.sessionId().equals("s_long")).map(TaggedSentence::text))
                .containsExactly("I led the migration.", "It took a while.");

        // Every round ended with a summary, the neighbour's too, scored as usual.
        List<SessionSummary> summaries = decoded(written, Topics.SESSION_SUMMARIES.name(), SessionSummary.class);
        assertThat(summaries).extracting(SessionSummary::sessionId).contains("s_letterless", "s_longword", "s_gaps",
                "s_held", "s_sentences", "s_long", "s_normal");
        assertThat(sentences.stream().filter(s -> s.sessionId().equals("s_normal"))).hasSizeGreaterThan(3);

        // Each kind of cut was counted.
        for (RoundEngine.CutKind kind : RoundEngine.CutKind.values()) {
            assertThat(meters.find(RoundProcessor.CUTS).tag("bound", kind.name().toLowerCase()).counter())
                    .as("counter for %s", kind).isNotNull()
                    .satisfies(c -> assertThat(c.count()).isPositive());
        }
    }

    private RoundState roundState(String sessionId) {
        return driver.<String, RoundState>getKeyValueStore(OfferPulseTopology.ROUND_STORE).get(sessionId);
    }

    private static <T> List<T> decoded(Map<String, List<TestRecord<String, byte[]>>> written, String topic,
            Class<T> type) {
        List<T> out = new ArrayList<>();
        for (TestRecord<String, byte[]> r : written.getOrDefault(topic, List.of())) {
            out.add(JsonCodec.decode(r.value(), type));
        }
        return out;
    }

    private static int size(TestRecord<String, byte[]> r) {
        int key = r.key() == null ? 0 : r.key().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        return key + (r.value() == null ? 0 : r.value().length);
    }

    private static String repeatTo(String unit, int length) {
        StringBuilder b = new StringBuilder(length + unit.length());
        while (b.length() < length) {
            b.append(unit);
        }
        String s = b.substring(0, length);
        return Character.isHighSurrogate(s.charAt(s.length() - 1)) ? s.substring(0, s.length() - 1) : s;
    }

    private void start(String sessionId, String userId) {
        lifecycle.pipeInput(sessionId, new SessionStarted("st-" + sessionId, sessionId, userId, "Tell me", "engineer",
                T0), T0);
    }

    private void say(String sessionId, String userId, long seq, String text, Instant at) {
        segments.pipeInput(sessionId, new TranscriptSegment(TranscriptSegment.eventIdOf(sessionId, seq), sessionId,
                userId, seq, Speaker.CANDIDATE, text, seq * 1000, seq * 1000 + 900, true, at), at);
    }

    private void end(String sessionId, String userId) {
        Instant at = T0.plus(Duration.ofMinutes(20));
        lifecycle.pipeInput(sessionId, new SessionEnded("end-" + sessionId, sessionId, userId, EndReason.CLIENT, at),
                at);
    }
}
