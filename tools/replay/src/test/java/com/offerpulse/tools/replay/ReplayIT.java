package com.offerpulse.tools.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.offerpulse.contracts.analytics.SessionSummary;
import com.offerpulse.contracts.analytics.UserOfferProbability;
import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.contracts.session.EndReason;
import com.offerpulse.contracts.session.SessionDeleted;
import com.offerpulse.contracts.session.SessionEnded;
import com.offerpulse.contracts.session.SessionLifecycleEvent;
import com.offerpulse.contracts.session.SessionStarted;
import com.offerpulse.contracts.topic.Topic;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.contracts.transcript.Speaker;
import com.offerpulse.contracts.transcript.TranscriptSegment;
import com.offerpulse.stream.OfferPulseTopology;
import com.offerpulse.stream.OfferPulseTopology.TopicNames;
import com.offerpulse.stream.StreamSettings;
import com.offerpulse.stream.probability.FormulaVersion;
import com.offerpulse.stream.probability.OfferProbabilityModel;
import com.offerpulse.stream.rounds.RoundEngine;
import com.offerpulse.stream.tagging.SentenceSplitter;
import com.offerpulse.stream.tagging.SentenceTagger;
import com.offerpulse.testsupport.answers.RealisticAnswers;
import com.offerpulse.testsupport.kafka.TestKafka;
import com.offerpulse.testsupport.kafka.TopicReader;

/**
 * Issue 8, part 7, on a real broker: the live topology processes a few realistic rounds as they happen (out-of-order
 * and repeated segments, an interviewer cutting in, a round abandoned and ended by the inactivity timeout while the
 * user finishes another, a silent round, a deleted round); then the replay tool re-derives them into a sandbox.
 * Unchanged code reproduces every sentence, meter update, summary, completion event and offer-probability view byte
 * for byte (checked here independently of the tool's own comparison); formula v2 changes the probabilities and
 * nothing upstream of them; the live topics are never written.
 */
class ReplayIT {
    /** The live processor's inactivity timeout here (production: 10 min); the replay is told the same. */
    private static final Duration LIVE_INACTIVITY = Duration.ofSeconds(2);
    private static final Duration READ = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final Replay replay = new Replay(new PrintStream(console, true, StandardCharsets.UTF_8));

    @Test
    void shouldReproduceTheLiveOutputsExactlyAndShowWhatFormulaV2Changes() throws Exception {
        try (TestKafka kafka = TestKafka.start()) {
            kafka.ensureTopics(3);
            String bootstrap = kafka.bootstrapServers();
            Instant[] annWindow = playLive(bootstrap);
            Map<String, Integer> liveBefore = liveRecordCounts(bootstrap);

            // When: everything is replayed with the live formula.
            ReplayReport same = replay.run(options(bootstrap, "it-same", new Selection.All(), FormulaVersion.V1));
            System.out.print(console);

            // Then: identical, by the tool's account…
            assertThat(same.rounds()).isEqualTo(8);
            assertThat(same.identical()).as("the tool's comparison").isTrue();
            assertThat(same.kind(OutputComparison.SENTENCES).identical()).isEqualTo(35);
            assertThat(same.kind(OutputComparison.METERS).identical()).isEqualTo(35);
            assertThat(same.kind(OutputComparison.COMPLETIONS).identical()).isEqualTo(8);
            assertThat(same.kind(OutputComparison.SUMMARIES).identical()).isEqualTo(8);
            assertThat(same.kind(OutputComparison.VIEWS).identical()).isEqualTo(3);
            assertThat(same.users()).allSatisfy(u -> assertThat(u.replay()).isEqualTo(u.live()));
            // …and by reading both sides here, record by record.
            TopicNames sandbox = new SandboxTopics("it-same").names();
            TopicNames live = TopicNames.live();
            assertThat(perKey(bootstrap, sandbox.sentences())).isEqualTo(perKey(bootstrap, live.sentences()));
            assertThat(perKey(bootstrap, sandbox.meters())).isEqualTo(perKey(bootstrap, live.meters()));
            assertThat(summariesByRound(bootstrap, sandbox.summaries()))
                    .isEqualTo(summariesByRound(bootstrap, live.summaries()));
            assertThat(lastViews(bootstrap, sandbox.offerProbability()))
                    .isEqualTo(lastViews(bootstrap, live.offerProbability()));

            // When: one user's rounds (a time range) under formula v2.
            console.reset();
            ReplayReport v2 = replay.run(options(bootstrap, "it-v2",
                    new Selection.TimeRange(annWindow[0], annWindow[1]), FormulaVersion.V2));
            System.out.print(console);

            // Then: the same sentences and meters, other scores and probabilities.
            assertThat(v2.rounds()).isEqualTo(3);
            assertThat(v2.identical()).isFalse();
            assertThat(v2.kind(OutputComparison.SENTENCES).matches()).isTrue();
            assertThat(v2.kind(OutputComparison.METERS).matches()).isTrue();
            assertThat(v2.kind(OutputComparison.SUMMARIES).differing()).isEqualTo(3);
            assertThat(v2.kind(OutputComparison.VIEWS).differing()).isEqualTo(1);
            assertThat(v2.users()).singleElement().satisfies(u -> {
                assertThat(u.userId()).isEqualTo("u_ann");
                assertThat(u.historyComplete()).isTrue();
                assertThat(u.replay()).isNotEqualTo(u.live());
            });
            assertThat(v2.differences()).isNotEmpty().allSatisfy(d -> assertThat(d.fields())
                    .noneMatch(f -> f.contains("payment page") || f.contains("tech lead")));
            assertThat(console.toString(StandardCharsets.UTF_8)).contains("processed").contains("/s")
                    .doesNotContain("tech lead");

            // The live topics were only read; a used run id is refused; cleanup removes a sandbox and nothing else.
            assertThat(liveRecordCounts(bootstrap)).isEqualTo(liveBefore);
            assertThatThrownBy(() -> replay.run(options(bootstrap, "it-v2", new Selection.All(), FormulaVersion.V1)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("in use");
            assertThat(replay.list(bootstrap)).containsOnlyKeys("it-same", "it-v2");
            replay.cleanup(bootstrap, "it-same");
            Set<String> after = topics(bootstrap);
            assertThat(after).noneMatch(t -> t.startsWith("sandbox.it-same.") || t.startsWith("replay-it-same-"));
            assertThat(after).anyMatch(t -> t.startsWith("sandbox.it-v2."));
            assertThat(after).containsAll(Topics.ALL.stream().map(Topic::name).toList());
        }
    }

    private static ReplayOptions options(String bootstrap, String runId, Selection selection, FormulaVersion formula) {
        return new ReplayOptions(ReplayOptions.Command.RUN, bootstrap, runId, selection, formula, true, false, 10,
                null, null, Duration.ofMinutes(3), LIVE_INACTIVITY, Duration.ofSeconds(1));
    }

    // ---- the live side -----------------------------------------------------------------------------------------

    /** Plays the rounds through a live topology, waits for every output, stops it; returns ann's time window. */
    private Instant[] playLive(String bootstrap) throws Exception {
        StreamSettings d = StreamSettings.defaults();
        StreamSettings settings = new StreamSettings(d.applicationId(), dir.resolve("live").toString(),
                d.commitInterval(), LIVE_INACTIVITY, Duration.ofMillis(250), d.endedRetention(), d.maxHeldSegments(),
                d.maxHoldTime(), d.recentRounds(), 1, 0, -1, d.sessionTimeout());
        RoundEngine engine = new RoundEngine(new SentenceSplitter(), SentenceTagger.load(), settings);
        Instant[] annWindow = new Instant[2];
        try (KafkaStreams streams = new KafkaStreams(OfferPulseTopology.build(settings, engine,
                new OfferProbabilityModel()), OfferPulseTopology.streamsConfig(settings, bootstrap));
                Ingest ingest = new Ingest(bootstrap)) {
            streams.start();
            awaitRunning(streams);
            // Live, rounds are minutes apart: each is processed before the next one ends.
            annWindow[0] = ingest.now();
            ingest.round("s_ann_1", "u_ann", RealisticAnswers.STRONG, true);
            awaitSummaries(bootstrap, 1);
            ingest.round("s_ann_2", "u_ann", RealisticAnswers.RAMBLING, true);
            awaitSummaries(bootstrap, 2);
            ingest.round("s_ann_3", "u_ann", RealisticAnswers.VAGUE, true);
            awaitSummaries(bootstrap, 3);
            annWindow[1] = ingest.now();

            // Ben: segments out of order, one repeated, an interim result, the interviewer cutting in.
            ingest.start("s_ben_1", "u_ben");
            List<String> a = RealisticAnswers.STRONG;
            ingest.say("s_ben_1", "u_ben", 1, Speaker.CANDIDATE, a.get(0), true);
            ingest.say("s_ben_1", "u_ben", 3, Speaker.CANDIDATE, a.get(2), true);
            ingest.say("s_ben_1", "u_ben", 2, Speaker.CANDIDATE, a.get(1), false);
            ingest.say("s_ben_1", "u_ben", 2, Speaker.CANDIDATE, a.get(1), true);
            ingest.say("s_ben_1", "u_ben", 3, Speaker.CANDIDATE, a.get(2), true);
            ingest.say("s_ben_1", "u_ben", 4, Speaker.INTERVIEWER, "Can you quantify that?", true);
            ingest.say("s_ben_1", "u_ben", 5, Speaker.CANDIDATE, a.get(6) + " " + a.get(7), true);
            ingest.end("s_ben_1", "u_ben");
            awaitSummaries(bootstrap, 4);
            // Ben abandons a round and completes another one before the inactivity timeout ends the first.
            ingest.round("s_ben_2", "u_ben", RealisticAnswers.STRONG.subList(0, 4), false);
            ingest.round("s_ben_3", "u_ben", RealisticAnswers.RAMBLING, true);
            awaitSummaries(bootstrap, 6);

            // Cid: a silent round, and a round deleted after it ended.
            ingest.start("s_cid_1", "u_cid");
            ingest.end("s_cid_1", "u_cid");
            awaitSummaries(bootstrap, 7);
            ingest.round("s_cid_2", "u_cid", RealisticAnswers.VAGUE, true);
            awaitSummaries(bootstrap, 8);
            ingest.delete("s_cid_2", "u_cid");
            awaitView(bootstrap, "u_cid", v -> v.sessionsCount() == 1);
            streams.close(new KafkaStreams.CloseOptions().timeout(Duration.ofSeconds(10)).leaveGroup(true));
        }
        return annWindow;
    }

    /** Writes what the ingest API writes, with strictly increasing record times (its clock). */
    private static final class Ingest implements AutoCloseable {
        private final KafkaProducer<String, byte[]> producer;
        private long clock = System.currentTimeMillis();

        Ingest(String bootstrap) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        }

        Instant now() {
            clock = Math.max(clock + 1, System.currentTimeMillis());
            return Instant.ofEpochMilli(clock);
        }

        void round(String session, String user, List<String> chunks, boolean end) throws Exception {
            start(session, user);
            for (int i = 0; i < chunks.size(); i++) {
                say(session, user, i + 1, Speaker.CANDIDATE, chunks.get(i), true);
            }
            if (end) {
                end(session, user);
            }
        }

        void start(String session, String user) throws Exception {
            Instant t = now();
            lifecycle(session, new SessionStarted(session + ":started", session, user, "Tell me about a hard problem.",
                    "engineer", t), t);
        }

        void say(String session, String user, long seq, Speaker speaker, String text, boolean isFinal)
                throws Exception {
            Instant t = now();
            TranscriptSegment s = new TranscriptSegment(TranscriptSegment.eventIdOf(session, seq), session, user, seq,
                    speaker, text, seq * 3_000, seq * 3_000 + 2_500, isFinal, t);
            producer.send(new ProducerRecord<>(Topics.TRANSCRIPT_SEGMENTS.name(), null, t.toEpochMilli(), session,
                    JsonCodec.encode(s))).get();
        }

        void end(String session, String user) throws Exception {
            Instant t = now();
            lifecycle(session, new SessionEnded(session + ":ended", session, user, EndReason.CLIENT, t), t);
        }

        void delete(String session, String user) throws Exception {
            Instant t = now();
            lifecycle(session, new SessionDeleted(session + ":deleted", session, user, t), t);
        }

        private void lifecycle(String session, SessionLifecycleEvent e, Instant t) throws Exception {
            producer.send(new ProducerRecord<>(Topics.SESSION_LIFECYCLE.name(), null, t.toEpochMilli(), session,
                    JsonCodec.encode(e))).get();
        }

        @Override
        public void close() {
            producer.close();
        }
    }

    private static void awaitRunning(KafkaStreams streams) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (streams.state() != KafkaStreams.State.RUNNING) {
            assertThat(System.nanoTime()).as("live topology running").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static void awaitSummaries(String bootstrap, int summaries) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (TopicReader.readAll(bootstrap, Topics.SESSION_SUMMARIES.name(), READ, true).size() < summaries) {
            assertThat(System.nanoTime()).as("live summaries in time").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static void awaitView(String bootstrap, String user, java.util.function.Predicate<UserOfferProbability> ok)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            String last = lastViews(bootstrap, Topics.USER_OFFER_PROBABILITY.name()).get(user);
            if (last != null && ok.test(JsonCodec.decode(last, UserOfferProbability.class))) {
                return;
            }
            assertThat(System.nanoTime()).as("live view of " + user).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    // ---- reading both sides ------------------------------------------------------------------------------------

    /** Values per key in offset order, as text (a byte-for-byte comparison with readable failures). */
    private static Map<String, List<String>> perKey(String bootstrap, String topic) {
        Map<String, List<String>> out = new TreeMap<>();
        for (ConsumerRecord<String, byte[]> r : TopicReader.readAll(bootstrap, topic, READ, true)) {
            out.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(new String(r.value(), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static Map<String, String> summariesByRound(String bootstrap, String topic) {
        return TopicReader.readAll(bootstrap, topic, READ, true).stream().collect(Collectors.toMap(
                r -> JsonCodec.decode(r.value(), SessionSummary.class).sessionId(),
                r -> new String(r.value(), StandardCharsets.UTF_8), (a, b) -> b, TreeMap::new));
    }

    /** The last view per user, as text (null for a tombstone). */
    private static Map<String, String> lastViews(String bootstrap, String topic) {
        Map<String, String> out = new TreeMap<>();
        for (ConsumerRecord<String, byte[]> r : TopicReader.readAll(bootstrap, topic, READ, true)) {
            out.put(r.key(), r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static Map<String, Integer> liveRecordCounts(String bootstrap) {
        Map<String, Integer> out = new TreeMap<>();
        for (Topic<String, ?> t : Topics.ALL) {
            out.put(t.name(), TopicReader.readAll(bootstrap, t.name(), READ, false).size());
        }
        return out;
    }

    private static Set<String> topics(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            return admin.listTopics().names().get();
        }
    }
}
