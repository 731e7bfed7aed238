package com.offerpulse.faults.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

import com.offerpulse.contracts.analytics.SessionMeters;
import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.contracts.session.EndReason;
import com.offerpulse.contracts.session.SessionEnded;
import com.offerpulse.contracts.session.SessionLifecycleEvent;
import com.offerpulse.contracts.session.SessionStarted;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.contracts.transcript.Speaker;
import com.offerpulse.contracts.transcript.TranscriptSegment;

/**
 * Writes rounds straight to the input topics, as the ingest API would (acks=all, idempotent), for tests whose
 * subject is downstream of ingest. Every candidate segment holds exactly two sentences, so the expected output is
 * known: segment {@code seq} (from 1) yields sentence indexes {@code 2(seq-1)} and {@code 2(seq-1)+1}.
 */
public final class Rounds implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;

    public Rounds(String bootstrap) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new ByteArraySerializer());
    }

    public static String newSessionId() {
        return "s_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** The partition Kafka's default partitioner gives a session id on a topic of {@code partitions}. */
    public static int partitionOf(String sessionId, int partitions) {
        return Utils.toPositive(Utils.murmur2(sessionId.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                % partitions;
    }

    public static List<String> sentencesOf(int round, long seq) {
        return List.of("In step " + seq + " of round " + round + " I reviewed the plan with the team.",
                "We shipped part " + seq + " on time.");
    }

    public void start(String sessionId, String userId) throws Exception {
        SessionLifecycleEvent e = new SessionStarted("start_" + sessionId, sessionId, userId,
                "Tell me about a project you led.", "engineer", Instant.now());
        send(Topics.SESSION_LIFECYCLE.name(), sessionId, JsonCodec.encode(e));
    }

    public void segment(String sessionId, String userId, int round, long seq) throws Exception {
        String text = String.join(" ", sentencesOf(round, seq));
        TranscriptSegment s = new TranscriptSegment(TranscriptSegment.eventIdOf(sessionId, seq), sessionId, userId,
                seq, Speaker.CANDIDATE, text, seq * 4_000, seq * 4_000 + 3_500, true, Instant.now());
        send(Topics.TRANSCRIPT_SEGMENTS.name(), sessionId, JsonCodec.encode(s));
    }

    public void end(String sessionId, String userId) throws Exception {
        SessionLifecycleEvent e = new SessionEnded("end_" + sessionId, sessionId, userId, EndReason.CLIENT,
                Instant.now());
        send(Topics.SESSION_LIFECYCLE.name(), sessionId, JsonCodec.encode(e));
    }

    public void meters(String sessionId, long asOfSeq) throws Exception {
        SessionMeters m = new SessionMeters(sessionId, (int) (asOfSeq % 100), 50, 50, 50, 50, List.of(), asOfSeq,
                Instant.now());
        send(Topics.SESSION_METERS.name(), sessionId, JsonCodec.encode(m));
    }

    private void send(String topic, String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get(15, TimeUnit.SECONDS);
    }

    public static List<Long> range(long from, long to) {
        List<Long> out = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            out.add(i);
        }
        return out;
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
