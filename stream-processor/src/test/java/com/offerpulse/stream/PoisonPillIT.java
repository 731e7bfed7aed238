package com.offerpulse.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.offerpulse.contracts.deadletter.DeadLetter;
import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.contracts.session.EndReason;
import com.offerpulse.contracts.session.SessionEnded;
import com.offerpulse.contracts.session.SessionLifecycleEvent;
import com.offerpulse.contracts.session.SessionStarted;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.contracts.transcript.Speaker;
import com.offerpulse.contracts.transcript.TranscriptSegment;
import com.offerpulse.platform.kafka.LowLatencyStreamsConfig;
import com.offerpulse.platform.kafka.deadletter.DeadLetters;
import com.offerpulse.stream.probability.OfferProbabilityModel;
import com.offerpulse.stream.rounds.RoundEngine;
import com.offerpulse.stream.tagging.SentenceSplitter;
import com.offerpulse.testsupport.answers.RealisticAnswers;
import com.offerpulse.testsupport.kafka.TestKafka;
import com.offerpulse.testsupport.kafka.TopicReader;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Poison pills against a real broker (docs/ARCHITECTURE.md, "Poison pills"): one user's undecodable and oversized
 * records on the same partition as another user's round are quarantined to {@code dead-letters.v1} with their
 * coordinates and without their text, counted, and the other round's sentences, meters and summary still arrive while
 * the application stays RUNNING.
 */
class PoisonPillIT {
    private static final String MARKER = "zqxjzqxj";
    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");

    @TempDir
    Path dir;

    @Test
    void shouldQuarantinePoisonPillsWhileAnotherUsersRoundFlows() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (TestKafka kafka = TestKafka.start()) {
            kafka.ensureTopics(1);
            String bootstrap = kafka.bootstrapServers();
            StreamSettings d = StreamSettings.defaults();
            StreamSettings settings = new StreamSettings("poison-pill-it", dir.toString(), d.commitInterval(),
                    d.inactivityTimeout(), d.timeoutScan(), d.endedRetention(), d.maxHeldSegments(), d.maxHoldTime(),
                    d.recentRounds(), 1, 0, -1, d.sessionTimeout());
            RoundEngine engine = new RoundEngine(new SentenceSplitter(), TopologyFixture.TAGGER, settings);
            try (DeadLetters deadLetters = new DeadLetters(bootstrap, Map.of(), meters, Clock.systemUTC());
                    KafkaStreams streams = new KafkaStreams(
                            OfferPulseTopology.build(settings, engine, new OfferProbabilityModel()),
                            LowLatencyStreamsConfig.withDeadLetters(OfferPulseTopology.streamsConfig(settings,
                                    bootstrap), deadLetters))) {
                streams.start();
                produce(bootstrap);

                await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(
                        TopicReader.readAll(bootstrap, Topics.SESSION_SUMMARIES.name(), Duration.ofSeconds(5), true))
                        .extracting(ConsumerRecord::key).contains("u_good"));
                assertThat(keys(bootstrap, Topics.TRANSCRIPT_SENTENCES.name())).contains("s_good");
                assertThat(keys(bootstrap, Topics.SESSION_METERS.name())).contains("s_good");

                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        TopicReader.readAll(bootstrap, Topics.DEAD_LETTERS.name(), Duration.ofSeconds(5), false))
                        .hasSizeGreaterThanOrEqualTo(3));
                List<ConsumerRecord<String, byte[]>> raw = TopicReader.readAll(bootstrap, Topics.DEAD_LETTERS.name(),
                        Duration.ofSeconds(5), false);
                assertThat(raw).allSatisfy(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8))
                        .doesNotContain(MARKER));
                List<DeadLetter> letters = raw.stream().map(r -> JsonCodec.decode(r.value(), DeadLetter.class))
                        .toList();
                assertThat(letters).allSatisfy(l -> {
                    assertThat(l.application()).isEqualTo("poison-pill-it");
                    assertThat(l.stage()).isEqualTo(DeadLetter.Stage.DESERIALIZATION);
                    assertThat(l.key()).isEqualTo("s_bad");
                    assertThat(l.partition()).isZero();
                    assertThat(l.offset()).isNotNegative();
                });
                assertThat(letters).extracting(DeadLetter::topic).containsExactlyInAnyOrder(
                        Topics.TRANSCRIPT_SEGMENTS.name(), Topics.TRANSCRIPT_SEGMENTS.name(),
                        Topics.SESSION_LIFECYCLE.name());
                assertThat(letters).anySatisfy(l -> assertThat(l.sizeBytes()).isGreaterThan(500_000));
                assertThat(meters.find(DeadLetters.COUNTER).tag("stage", "deserialization").tag("outcome", "written")
                        .counters()).isNotEmpty().allSatisfy(c -> assertThat(c.count()).isPositive());
                assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
            }
        }
    }

    /**
     * What docs/ARCHITECTURE.md ("Poison pills") says of Kafka 4.1.2 under exactly_once_v2: a changelog record too
     * large for the producer goes through the production handler like any sink record, so it is quarantined with the
     * changelog's name and the key. (The producer's transaction is then in an abortable error and the commit fails, so
     * the task re-reads its input: this is why no state record may grow, not something the handler can fix.)
     */
    @Test
    void shouldQuarantineAChangelogRecordTooLargeForTheProducer() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (TestKafka kafka = TestKafka.start()) {
            kafka.ensureTopics(1);
            String bootstrap = kafka.bootstrapServers();
            StreamSettings d = StreamSettings.defaults();
            StreamSettings settings = new StreamSettings("too-large-it", dir.toString(), d.commitInterval(),
                    d.inactivityTimeout(), d.timeoutScan(), d.endedRetention(), d.maxHeldSegments(), d.maxHoldTime(),
                    d.recentRounds(), 1, 0, -1, d.sessionTimeout());
            RoundEngine engine = new RoundEngine(new SentenceSplitter(), TopologyFixture.TAGGER, settings);
            Properties props = OfferPulseTopology.streamsConfig(settings, bootstrap);
            // A producer limit the held segments below exceed (the real one, 1 MiB, no round state can reach).
            props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), 6_000);
            try (DeadLetters deadLetters = new DeadLetters(bootstrap, Map.of(), meters, Clock.systemUTC());
                    KafkaStreams streams = new KafkaStreams(
                            OfferPulseTopology.build(settings, engine, new OfferProbabilityModel()),
                            LowLatencyStreamsConfig.withDeadLetters(props, deadLetters))) {
                streams.setUncaughtExceptionHandler(e -> StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
                streams.start();
                Properties p = new Properties();
                p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
                try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                        new ByteArraySerializer())) {
                    String segments = Topics.TRANSCRIPT_SEGMENTS.name();
                    for (int seq = 2; seq <= 6; seq++) { // seq 1 never comes: all are held
                        TranscriptSegment s = new TranscriptSegment(TranscriptSegment.eventIdOf("s_big", seq),
                                "s_big", "u_big", seq, Speaker.CANDIDATE, "We shipped it. ".repeat(120), seq, seq + 1,
                                true, T0.plusMillis(seq));
                        producer.send(new ProducerRecord<>(segments, "s_big",
                                Topics.TRANSCRIPT_SEGMENTS.valueSerde().serializer().serialize(segments, s)));
                    }
                    producer.flush();
                }

                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                        TopicReader.readAll(bootstrap, Topics.DEAD_LETTERS.name(), Duration.ofSeconds(5), false))
                        .map(r -> JsonCodec.decode(r.value(), DeadLetter.class))
                        .anySatisfy(l -> {
                            assertThat(l.stage()).isEqualTo(DeadLetter.Stage.PRODUCTION);
                            assertThat(l.topic()).isEqualTo("too-large-it-round-state-changelog");
                            assertThat(l.key()).isEqualTo("s_big");
                            assertThat(l.error()).isEqualTo(RecordTooLargeException.class.getName());
                        }));
            }
        }
    }

    private static List<String> keys(String bootstrap, String topic) {
        return TopicReader.readAll(bootstrap, topic, Duration.ofSeconds(5), true).stream().map(ConsumerRecord::key)
                .toList();
    }

    private static void produce(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1_000_000);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            String segments = Topics.TRANSCRIPT_SEGMENTS.name();
            String lifecycle = Topics.SESSION_LIFECYCLE.name();
            producer.send(new ProducerRecord<>(lifecycle, "s_bad", lifecycle(
                    new SessionStarted("st-bad", "s_bad", "u_bad", "q", "pm", T0))));
            // Undecodable: not JSON at all, then a lifecycle record of an unknown shape.
            producer.send(new ProducerRecord<>(segments, "s_bad", ("{not json " + MARKER).getBytes(StandardCharsets.UTF_8)));
            producer.send(new ProducerRecord<>(lifecycle, "s_bad",
                    ("{\"type\":\"nope\",\"text\":\"" + MARKER + "\"}").getBytes(StandardCharsets.UTF_8)));
            // Oversized: a segment far beyond the contract's text length (and the round's bounds).
            String huge = "{\"event_id\":\"s_bad:1\",\"session_id\":\"s_bad\",\"user_id\":\"u_bad\",\"seq\":1,"
                    + "\"speaker\":\"candidate\",\"text\":\"" + (MARKER + " ").repeat(60_000) + "\",\"start_ms\":0,"
                    + "\"end_ms\":1,\"final\":true,\"occurred_at\":\"2026-11-26T09:00:01Z\"}";
            producer.send(new ProducerRecord<>(segments, "s_bad", huge.getBytes(StandardCharsets.UTF_8)));

            producer.send(new ProducerRecord<>(lifecycle, "s_good", lifecycle(
                    new SessionStarted("st-good", "s_good", "u_good", "q", "pm", T0))));
            long seq = 1;
            for (String chunk : RealisticAnswers.STRONG) {
                TranscriptSegment s = new TranscriptSegment(TranscriptSegment.eventIdOf("s_good", seq), "s_good",
                        "u_good", seq, Speaker.CANDIDATE, chunk, seq * 1000, seq * 1000 + 900, true,
                        T0.plusSeconds(seq));
                producer.send(new ProducerRecord<>(segments, "s_good",
                        Topics.TRANSCRIPT_SEGMENTS.valueSerde().serializer().serialize(segments, s)));
                seq++;
            }
            producer.send(new ProducerRecord<>(lifecycle, "s_good", lifecycle(
                    new SessionEnded("end-good", "s_good", "u_good", EndReason.CLIENT, T0.plusSeconds(60)))));
            producer.flush();
        }
    }

    private static byte[] lifecycle(SessionLifecycleEvent e) {
        return Topics.SESSION_LIFECYCLE.valueSerde().serializer().serialize(Topics.SESSION_LIFECYCLE.name(), e);
    }
}
