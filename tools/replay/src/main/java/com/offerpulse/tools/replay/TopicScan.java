package com.offerpulse.tools.replay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads topics with a group-less consumer ({@code read_committed}: what every OfferPulse reader sees), partition
 * by partition in offset order. Nothing is committed anywhere, so reading the live topics leaves no trace.
 */
final class TopicScan implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration API_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaConsumer<String, byte[]> consumer;

    TopicScan(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "offerpulse-replay-scan");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        // A range that starts before what retention kept reads from the oldest record kept.
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    List<TopicPartition> partitions(String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, API_TIMEOUT);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("Topic " + topic + " does not exist");
        }
        return infos.stream().map(i -> new TopicPartition(topic, i.partition()))
                .sorted(java.util.Comparator.comparingInt(TopicPartition::partition)).toList();
    }

    /** The offsets one past the last stable record of each partition (what read_committed can reach). */
    Map<TopicPartition, Long> ends(List<TopicPartition> partitions) {
        return new HashMap<>(consumer.endOffsets(partitions, API_TIMEOUT));
    }

    Map<TopicPartition, Long> beginnings(List<TopicPartition> partitions) {
        return new HashMap<>(consumer.beginningOffsets(partitions, API_TIMEOUT));
    }

    /** The first offset of each partition whose record time is at or after {@code timestampMs} (else the end). */
    Map<TopicPartition, Long> offsetsAt(List<TopicPartition> partitions, long timestampMs) {
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(tp -> query.put(tp, timestampMs));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, API_TIMEOUT);
        Map<TopicPartition, Long> ends = ends(partitions);
        Map<TopicPartition, Long> out = new HashMap<>();
        for (TopicPartition tp : partitions) {
            OffsetAndTimestamp o = found.get(tp);
            out.put(tp, o == null ? ends.get(tp) : o.offset());
        }
        return out;
    }

    /** Every record of {@code [from, to)} per partition, handed to {@code sink} in offset order per partition. */
    void read(Map<TopicPartition, long[]> ranges, Consumer<ConsumerRecord<String, byte[]>> sink) {
        for (Map.Entry<TopicPartition, long[]> e : ranges.entrySet()) {
            TopicPartition tp = e.getKey();
            long from = e.getValue()[0];
            long to = e.getValue()[1];
            if (from >= to) {
                continue;
            }
            consumer.assign(List.of(tp));
            consumer.seek(tp, from);
            while (consumer.position(tp, API_TIMEOUT) < to) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL).records(tp)) {
                    if (r.offset() >= to) {
                        break;
                    }
                    sink.accept(r);
                }
            }
        }
        consumer.assign(List.of());
    }

    /** Every record of the whole topic (beginning to the current end), partition by partition. */
    List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        read(wholeTopic(topic), out::add);
        return out;
    }

    Map<TopicPartition, long[]> wholeTopic(String topic) {
        List<TopicPartition> partitions = partitions(topic);
        Map<TopicPartition, Long> begin = beginnings(partitions);
        Map<TopicPartition, Long> end = ends(partitions);
        Map<TopicPartition, long[]> ranges = new java.util.TreeMap<>(
                java.util.Comparator.comparingInt(TopicPartition::partition));
        partitions.forEach(tp -> ranges.put(tp, new long[] {begin.get(tp), end.get(tp)}));
        return ranges;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
