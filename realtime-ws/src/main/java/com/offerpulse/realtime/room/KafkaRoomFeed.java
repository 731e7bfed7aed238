package com.offerpulse.realtime.room;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.offerpulse.contracts.analytics.SessionMeters;
import com.offerpulse.contracts.analytics.TaggedSentence;
import com.offerpulse.contracts.deadletter.DeadLetter;
import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.contracts.session.SessionEnded;
import com.offerpulse.contracts.session.SessionLifecycleEvent;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.platform.kafka.BackgroundConsumer;
import com.offerpulse.platform.kafka.KafkaSettings;
import com.offerpulse.platform.kafka.deadletter.DeadLetters;
import com.offerpulse.realtime.RealtimeSettings;
import com.offerpulse.realtime.metrics.RealtimeMetrics;

import io.lettuce.core.RedisCommandExecutionException;

/**
 * Feeds rooms from Kafka: one consumer group ({@code offerpulse-realtime}, read_committed) over meters, sentences
 * and lifecycle. Whichever instance owns a partition turns each record into a room message: the store assigns its
 * seq, keeps its piece and appends it to the history (with Redis, the same script publishes it; in process, the
 * fanout does). A record that cannot be decoded is quarantined to the dead-letter topic and skipped. Offsets are committed
 * after the batch is stored and published; when Redis fails the partitions are rewound to the first unprocessed
 * record and retried after a pause (at-least-once; the store drops the duplicates it can recognise).
 */
@Component
class KafkaRoomFeed extends BackgroundConsumer {
    private static final Logger log = LoggerFactory.getLogger(KafkaRoomFeed.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    private static final Duration MIN_HEARTBEAT = Duration.ofSeconds(1);
    /** The name dead letters carry for records this feed could not use. */
    static final String APPLICATION = "realtime-room-feed";

    private final RealtimeSettings settings;
    private final RoomStore store;
    private final RoomFanout fanout;
    private final RealtimeMetrics metrics;
    private final DeadLetters deadLetters;

    KafkaRoomFeed(KafkaSettings kafka, RealtimeSettings settings, RoomStore store, RoomFanout fanout,
            RealtimeMetrics metrics, DeadLetters deadLetters) {
        super(kafka, "realtime-room-feed");
        this.settings = settings;
        this.store = store;
        this.fanout = fanout;
        this.metrics = metrics;
        this.deadLetters = deadLetters;
    }

    /** A record as a room message to append, or null when it is not for rooms. */
    static RoomAppend toAppend(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return null;
        }
        String topic = record.topic();
        if (topic.equals(Topics.SESSION_METERS.name())) {
            SessionMeters m = JsonCodec.decode(record.value(), SessionMeters.class);
            return new RoomAppend(m.sessionId(), RoomMessage.METERS, JsonCodec.encodeToString(m), m.asOfSeq(),
                    m.sourceTimestamp().toEpochMilli());
        }
        if (topic.equals(Topics.TRANSCRIPT_SENTENCES.name())) {
            TaggedSentence s = JsonCodec.decode(record.value(), TaggedSentence.class);
            return new RoomAppend(s.sessionId(), RoomMessage.SENTENCE, JsonCodec.encodeToString(s), s.index(),
                    record.timestamp());
        }
        if (topic.equals(Topics.SESSION_LIFECYCLE.name())
                && JsonCodec.decode(record.value(), SessionLifecycleEvent.class) instanceof SessionEnded e) {
            Map<String, Object> data = new java.util.TreeMap<>();
            data.put("reason", e.reason());
            data.put("occurred_at", e.occurredAt());
            return new RoomAppend(e.sessionId(), RoomMessage.SESSION_END, JsonCodec.encodeToString(data), 0,
                    record.timestamp());
        }
        return null;
    }

    /**
     * The record's room message, or null when it is not for rooms or cannot be decoded: such a record is quarantined
     * (its coordinates to the dead-letter topic, never its content) and skipped, so it never stops the feed.
     */
    static RoomAppend appendOf(ConsumerRecord<String, byte[]> record, DeadLetters deadLetters) {
        RoomAppend a;
        try {
            a = toAppend(record);
        } catch (RuntimeException e) {
            // toAppend only decodes: whatever it throws (a ContractViolation mostly) is this record's fault.
            deadLetters.quarantine(APPLICATION, DeadLetter.Stage.DESERIALIZATION, record, e);
            return null;
        }
        return a == null || !RoomKeys.SESSION_ID.matcher(a.sessionId()).matches() ? null : a;
    }

    @Override
    protected void configure(Map<String, Object> properties) {
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        // A new group starts at the beginning so snapshots are complete; afterwards the committed offsets count.
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // A crashed instance's partitions move after this long, not Kafka's 45 s (tools/faults RealtimeFailoverIT).
        properties.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) settings.sessionTimeout().toMillis());
        properties.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
                (int) Math.max(MIN_HEARTBEAT.toMillis(), settings.sessionTimeout().toMillis() / 3));
    }

    @Override
    protected void consume(KafkaConsumer<String, byte[]> c) {
        c.subscribe(List.of(Topics.SESSION_METERS.name(), Topics.TRANSCRIPT_SENTENCES.name(),
                Topics.SESSION_LIFECYCLE.name()));
        while (running()) {
            pollOnce(c);
        }
    }

    /**
     * One poll's records, stored and published as one pipelined batch (with Redis the append script publishes too:
     * one round trip per poll, not per message: docs/PERFORMANCE.md, "Realtime feed"), in offset order, so each room's messages keep their order. On
     * a Redis failure the records from the first one not stored are re-read after a pause; the ones before it are
     * published and committed.
     */
    private void pollOnce(KafkaConsumer<String, byte[]> c) {
        ConsumerRecords<String, byte[]> records = c.poll(POLL);
        if (records.isEmpty()) {
            recordLag(c, -1);
            return;
        }
        try {
            process(c, records);
        } finally {
            long newest = -1;
            for (ConsumerRecord<String, byte[]> r : records) {
                newest = Math.max(newest, r.timestamp());
            }
            recordLag(c, newest);
        }
    }

    /** Records behind the log end on this feed's partitions (as the consumer last heard) and the poll's age. */
    private void recordLag(KafkaConsumer<String, byte[]> c, long newestTimestamp) {
        long behind = 0;
        for (TopicPartition tp : c.assignment()) {
            behind += c.currentLag(tp).orElse(0);
        }
        metrics.feedLag(behind, newestTimestamp < 0 ? 0 : System.currentTimeMillis() - newestTimestamp);
    }

    private void process(KafkaConsumer<String, byte[]> c, ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>(records.count());
        List<RoomAppend> appends = new ArrayList<>();
        List<Integer> appendAt = new ArrayList<>();
        for (TopicPartition tp : records.partitions()) {
            for (ConsumerRecord<String, byte[]> r : records.records(tp)) {
                RoomAppend a = appendOf(r, deadLetters);
                if (a != null) {
                    appends.add(a);
                    appendAt.add(all.size());
                }
                all.add(r);
            }
        }
        AppendResult result = appends.isEmpty() ? new AppendResult(List.of(), null) : store.appendAll(appends);
        List<RoomMessage> toPublish = new ArrayList<>();
        result.stored().forEach(m -> m.ifPresent(toPublish::add));
        RuntimeException failure = result.failure();
        if (!toPublish.isEmpty() && !store.publishes()) {
            try {
                fanout.publishAll(toPublish, metrics::recordPublish);
            } catch (RuntimeException e) {
                // Stored but not published: re-reading from the first of them republishes what the store still
                // accepts (a sentence or end it already holds is dropped as a duplicate).
                failure = e;
                result = new AppendResult(List.of(), e);
            }
        }
        // Records before the first unstored append are done (including skipped ones); the rest is re-read.
        int doneCount = failure == null ? all.size() : appendAt.get(result.stored().size());
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        for (int i = 0; i < doneCount; i++) {
            ConsumerRecord<String, byte[]> r = all.get(i);
            done.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
        }
        if (failure != null && poisonous(failure)) {
            // This record will fail the same way every time: quarantine it and go on from the next one at once,
            // instead of stalling every room behind it.
            ConsumerRecord<String, byte[]> at = all.get(doneCount);
            deadLetters.quarantine(APPLICATION, DeadLetter.Stage.PROCESSING, at, failure);
            done.put(new TopicPartition(at.topic(), at.partition()), new OffsetAndMetadata(at.offset() + 1));
            rewind(c, records, done);
            commit(c, done);
            return;
        }
        if (failure != null) {
            ConsumerRecord<String, byte[]> at = all.get(doneCount);
            log.warn("Cannot store room message from {}-{}@{} (will retry): {}", at.topic(), at.partition(),
                    at.offset(), failure.toString());
            rewind(c, records, done);
            commit(c, done);
            pause();
            return;
        }
        commit(c, done);
    }

    /**
     * An error Redis returns for this room's data itself (a key of another type, a message type the script does not
     * know), as opposed to Redis being unreachable, slow, loading, read-only or out of memory, which passes.
     */
    static boolean poisonous(RuntimeException failure) {
        if (!(failure instanceof RedisCommandExecutionException) || failure.getMessage() == null) {
            return false;
        }
        String m = failure.getMessage();
        return m.contains("WRONGTYPE") || m.contains("unknown room message type");
    }

    private static void rewind(KafkaConsumer<String, byte[]> c, ConsumerRecords<String, byte[]> records,
            Map<TopicPartition, OffsetAndMetadata> done) {
        for (TopicPartition tp : records.partitions()) {
            OffsetAndMetadata next = done.get(tp);
            c.seek(tp, next != null ? next.offset() : records.records(tp).get(0).offset());
        }
    }

    private static void commit(KafkaConsumer<String, byte[]> c, Map<TopicPartition, OffsetAndMetadata> done) {
        if (done.isEmpty()) {
            return;
        }
        try {
            c.commitSync(done);
        } catch (RuntimeException e) {
            // A rebalance took the partitions away; the new owner re-reads from the last commit (duplicates dropped).
            log.warn("Offset commit failed: {}", e.toString());
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
