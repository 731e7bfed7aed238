package com.offerpulse.realtime.room;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import com.offerpulse.contracts.json.ContractViolation;
import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.contracts.session.SessionEnded;
import com.offerpulse.contracts.session.SessionLifecycleEvent;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.platform.kafka.BackgroundConsumer;
import com.offerpulse.platform.kafka.KafkaSettings;
import com.offerpulse.realtime.RealtimeSettings;
import com.offerpulse.realtime.metrics.RealtimeMetrics;

/**
 * Feeds rooms from Kafka: one consumer group ({@code offerpulse-realtime}, read_committed) over meters, sentences
 * and lifecycle. Whichever instance owns a partition turns each record into a room message: the store assigns its
 * seq, appends it to the history and updates the snapshot, then the fanout publishes it. Offsets are committed
 * after the batch is stored and published; when Redis fails the partitions are rewound to the first unprocessed
 * record and retried after a pause (at-least-once; the store drops the duplicates it can recognise).
 */
@Component
class KafkaRoomFeed extends BackgroundConsumer {
    private static final Logger log = LoggerFactory.getLogger(KafkaRoomFeed.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private final RealtimeSettings settings;
    private final RoomStore store;
    private final RoomFanout fanout;
    private final RealtimeMetrics metrics;

    KafkaRoomFeed(KafkaSettings kafka, RealtimeSettings settings, RoomStore store, RoomFanout fanout,
            RealtimeMetrics metrics) {
        super(kafka, "realtime-room-feed");
        this.settings = settings;
        this.store = store;
        this.fanout = fanout;
        this.metrics = metrics;
    }

    /** A record as a room message to append: type, data JSON, dedupe key, source time. Null: not for rooms. */
    record Append(String sessionId, String type, String data, long dedupeKey, long sourceTs) {
    }

    static Append toAppend(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return null;
        }
        String topic = record.topic();
        if (topic.equals(Topics.SESSION_METERS.name())) {
            SessionMeters m = JsonCodec.decode(record.value(), SessionMeters.class);
            return new Append(m.sessionId(), RoomMessage.METERS, JsonCodec.encodeToString(m), m.asOfSeq(),
                    m.sourceTimestamp().toEpochMilli());
        }
        if (topic.equals(Topics.TRANSCRIPT_SENTENCES.name())) {
            TaggedSentence s = JsonCodec.decode(record.value(), TaggedSentence.class);
            return new Append(s.sessionId(), RoomMessage.SENTENCE, JsonCodec.encodeToString(s), s.index(),
                    record.timestamp());
        }
        if (topic.equals(Topics.SESSION_LIFECYCLE.name())
                && JsonCodec.decode(record.value(), SessionLifecycleEvent.class) instanceof SessionEnded e) {
            Map<String, Object> data = new java.util.TreeMap<>();
            data.put("reason", e.reason());
            data.put("occurred_at", e.occurredAt());
            return new Append(e.sessionId(), RoomMessage.SESSION_END, JsonCodec.encodeToString(data), 0,
                    record.timestamp());
        }
        return null;
    }

    void process(ConsumerRecord<String, byte[]> record) {
        Append a;
        try {
            a = toAppend(record);
        } catch (ContractViolation e) {
            log.warn("Skipping malformed record at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return;
        }
        if (a == null || !RoomKeys.SESSION_ID.matcher(a.sessionId()).matches()) {
            return;
        }
        Optional<RoomMessage> stored = store.append(a.sessionId(), a.type(), a.data(), a.dedupeKey(), a.sourceTs());
        if (stored.isPresent()) {
            long t0 = System.nanoTime();
            fanout.publish(stored.get());
            metrics.recordPublish(System.nanoTime() - t0);
        }
    }

    @Override
    protected void configure(Map<String, Object> properties) {
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        // A new group starts at the beginning so snapshots are complete; afterwards the committed offsets count.
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    }

    @Override
    protected void consume(KafkaConsumer<String, byte[]> c) {
        c.subscribe(List.of(Topics.SESSION_METERS.name(), Topics.TRANSCRIPT_SENTENCES.name(),
                Topics.SESSION_LIFECYCLE.name()));
        while (running()) {
            pollOnce(c);
        }
    }

    private void pollOnce(KafkaConsumer<String, byte[]> c) {
        ConsumerRecords<String, byte[]> records = c.poll(POLL);
        if (records.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        for (TopicPartition tp : records.partitions()) {
            for (ConsumerRecord<String, byte[]> r : records.records(tp)) {
                try {
                    process(r);
                } catch (RuntimeException e) {
                    log.warn("Cannot store room message from {}@{} (will retry): {}", tp, r.offset(), e.toString());
                    rewind(c, records, done);
                    commit(c, done);
                    pause();
                    return;
                }
                done.put(tp, new OffsetAndMetadata(r.offset() + 1));
            }
        }
        commit(c, done);
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
