package com.offerpulse.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.offerpulse.contracts.session.EndReason;
import com.offerpulse.contracts.session.SessionEnded;
import com.offerpulse.contracts.session.SessionLifecycleEvent;
import com.offerpulse.contracts.session.SessionStarted;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.contracts.transcript.Speaker;
import com.offerpulse.contracts.transcript.TranscriptSegment;
import com.offerpulse.stream.probability.OfferProbabilityModel;
import com.offerpulse.stream.rounds.RoundEngine;
import com.offerpulse.stream.tagging.SentenceSplitter;
import com.offerpulse.testsupport.kafka.TestKafka;
import com.offerpulse.testsupport.kafka.TopicReader;
import com.offerpulse.testsupport.answers.RealisticAnswers;

/**
 * On a real broker: the same input processed twice from scratch, under two fresh application ids.
 * <ul>
 * <li>Per-round outputs (sentences, meters) are byte-identical, record for record, partition by partition.</li>
 * <li>Per-user outputs come from a repartition that merges several session partitions, whose interleaving a broker
 * does not fix; so the per-round facts of every summary are identical, and every user's final offer-probability
 * view is byte-identical (rounds are folded in the order they ended, whatever order they arrived in).</li>
 * </ul>
 */
class ReplayDeterminismIT {
    private static final List<String> OUTPUTS = List.of(Topics.TRANSCRIPT_SENTENCES.name(),
            Topics.SESSION_METERS.name());
    private static final int ROUNDS = 4;

    @TempDir
    Path dir;

    @Test
    void shouldWriteByteIdenticalOutputsWhenReplayedUnderAFreshApplicationId() throws Exception {
        try (TestKafka kafka = TestKafka.start()) {
            kafka.ensureTopics(3);
            produceInput(kafka.bootstrapServers());

            run(kafka.bootstrapServers(), "replay-a", ROUNDS);
            Map<String, List<ConsumerRecord<String, byte[]>>> first = readOutputs(kafka.bootstrapServers());
            Map<String, byte[]> firstViews = lastViewPerUser(kafka.bootstrapServers());
            List<String> firstFacts = summaryFacts(kafka.bootstrapServers());
            run(kafka.bootstrapServers(), "replay-b", 2 * ROUNDS);
            Map<String, List<ConsumerRecord<String, byte[]>>> both = readOutputs(kafka.bootstrapServers());

            assertThat(lastViewPerUser(kafka.bootstrapServers())).as("final offer-probability views")
                    .hasSameSizeAs(firstViews)
                    .allSatisfy((user, view) -> assertThat(view).isEqualTo(firstViews.get(user)));
            List<String> bothFacts = summaryFacts(kafka.bootstrapServers());
            assertThat(bothFacts).hasSize(2 * ROUNDS);
            List<String> twice = new java.util.ArrayList<>(firstFacts);
            twice.addAll(firstFacts);
            assertThat(bothFacts).as("each round's own facts, once per run").containsExactlyInAnyOrderElementsOf(twice);

            for (String topic : OUTPUTS) {
                List<ConsumerRecord<String, byte[]>> a = first.get(topic);
                List<ConsumerRecord<String, byte[]>> all = both.get(topic);
                assertThat(a).as(topic).isNotEmpty();
                assertThat(all).as(topic + " holds both runs").hasSize(2 * a.size());
                Map<Integer, List<ConsumerRecord<String, byte[]>>> byPartition = new HashMap<>();
                all.forEach(r -> byPartition.computeIfAbsent(r.partition(), p -> new java.util.ArrayList<>()).add(r));
                for (List<ConsumerRecord<String, byte[]>> partition : byPartition.values()) {
                    int half = partition.size() / 2;
                    for (int i = 0; i < half; i++) {
                        ConsumerRecord<String, byte[]> one = partition.get(i);
                        ConsumerRecord<String, byte[]> two = partition.get(half + i);
                        assertThat(two.key()).isEqualTo(one.key());
                        assertThat(Arrays.equals(two.value(), one.value()))
                                .as("%s-%d record %d", topic, one.partition(), i).isTrue();
                    }
                }
            }
        }
    }

    private void run(String bootstrap, String applicationId, int summariesExpected) throws Exception {
        StreamSettings d = StreamSettings.defaults();
        StreamSettings settings = new StreamSettings(applicationId, dir.resolve(applicationId).toString(),
                d.commitInterval(), d.inactivityTimeout(), d.timeoutScan(), d.endedRetention(), d.maxHeldSegments(),
                d.maxHoldTime(), d.recentRounds(), 1, 0, -1, d.sessionTimeout());
        Properties props = OfferPulseTopology.streamsConfig(settings, bootstrap);
        RoundEngine engine = new RoundEngine(new SentenceSplitter(), TopologyFixture.TAGGER, settings);
        try (KafkaStreams streams = new KafkaStreams(
                OfferPulseTopology.build(settings, engine, new OfferProbabilityModel()), props)) {
            streams.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline && TopicReader.readAll(bootstrap, Topics.SESSION_SUMMARIES.name(),
                    Duration.ofSeconds(5), true).size() < summariesExpected) {
                Thread.sleep(200);
            }
            streams.close(new KafkaStreams.CloseOptions().timeout(Duration.ofSeconds(10)).leaveGroup(true));
        }
    }

    /** The last view written per user: what the compacted topic keeps. */
    private static Map<String, byte[]> lastViewPerUser(String bootstrap) {
        Map<String, byte[]> last = new HashMap<>();
        TopicReader.readAll(bootstrap, Topics.USER_OFFER_PROBABILITY.name(), Duration.ofSeconds(10), true)
                .forEach(r -> last.put(r.key(), r.value()));
        return last;
    }

    /** What a summary says about its own round, independent of the user's other rounds. */
    private static List<String> summaryFacts(String bootstrap) {
        return TopicReader.readAll(bootstrap, Topics.SESSION_SUMMARIES.name(), Duration.ofSeconds(10), true).stream()
                .map(r -> com.offerpulse.contracts.json.JsonCodec.decode(r.value(),
                        com.offerpulse.contracts.analytics.SessionSummary.class))
                .map(s -> s.sessionId() + "|" + s.finalMeters() + "|" + s.sessionScore() + "|" + s.sentenceCount()
                        + "|" + s.drivers() + "|" + s.endedAt())
                .toList();
    }

    private static Map<String, List<ConsumerRecord<String, byte[]>>> readOutputs(String bootstrap) {
        Map<String, List<ConsumerRecord<String, byte[]>>> out = new HashMap<>();
        for (String topic : OUTPUTS) {
            out.put(topic, TopicReader.readAll(bootstrap, topic, Duration.ofSeconds(10), true));
        }
        return out;
    }

    private static void produceInput(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        List<List<String>> answers = List.of(RealisticAnswers.STRONG, RealisticAnswers.RAMBLING,
                RealisticAnswers.VAGUE, RealisticAnswers.STRONG);
        Instant t0 = Instant.parse("2026-11-26T09:00:00Z");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int r = 0; r < ROUNDS; r++) {
                String session = "s_replay_" + r;
                String user = r % 2 == 0 ? "u_even" : "u_odd";
                Instant t = t0.plusSeconds(600L * r);
                producer.send(new ProducerRecord<>(Topics.SESSION_LIFECYCLE.name(), session,
                        Topics.SESSION_LIFECYCLE.valueSerde().serializer().serialize("",
                                (SessionLifecycleEvent) new SessionStarted("st" + r, session, user, "q", "pm", t))));
                List<String> chunks = answers.get(r);
                for (int i = 0; i < chunks.size(); i++) {
                    TranscriptSegment seg = new TranscriptSegment(session + ":" + (i + 1), session, user, i + 1,
                            Speaker.CANDIDATE, chunks.get(i), i * 3000L, i * 3000L + 2500, true,
                            t.plusSeconds(3L * (i + 1)));
                    producer.send(new ProducerRecord<>(Topics.TRANSCRIPT_SEGMENTS.name(), session,
                            Topics.TRANSCRIPT_SEGMENTS.valueSerde().serializer().serialize("", seg)));
                }
                producer.send(new ProducerRecord<>(Topics.SESSION_LIFECYCLE.name(), session,
                        Topics.SESSION_LIFECYCLE.valueSerde().serializer().serialize("",
                                (SessionLifecycleEvent) new SessionEnded("en" + r, session, user, EndReason.CLIENT,
                                        t.plusSeconds(120)))));
            }
            producer.flush();
        }
    }
}
