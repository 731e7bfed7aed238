package com.offerpulse.testsupport.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads a whole topic for assertions in integration tests. */
public final class TopicReader {

    private static final Logger log = LoggerFactory.getLogger(TopicReader.class);

    private TopicReader() {
    }

    /**
     * Reads every record of {@code topic}, from the beginning of each partition up to the end offsets taken when the
     * call starts, with a fresh consumer that has no group (assign + seekToBeginning; nothing is committed).
     *
     * <p>With {@code readCommitted} the consumer uses {@code isolation.level=read_committed}: it stops at the last
     * stable offset and skips records of aborted transactions. Otherwise it reads up to the high watermark, including
     * records of aborted and still-open transactions.
     *
     * @param timeout upper bound of the whole call; if it passes first, the records read so far are returned (and a
     *                warning is logged)
     * @return the records ordered by partition, then offset; keys decoded as UTF-8 strings, values as raw bytes
     * @throws IllegalStateException if the topic does not exist
     */
    public static List<ConsumerRecord<String, byte[]>> readAll(String bootstrap, String topic, Duration timeout,
            boolean readCommitted) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "topic-reader-" + topic);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Short long-polls: the loop stays responsive and close() need not wait out a pending 500 ms fetch.
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, readCommitted ? "read_committed" : "read_uncommitted");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());

        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, remaining(deadline));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("Topic " + topic + " does not exist on " + bootstrap);
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(i -> new TopicPartition(topic, i.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // Under read_committed these are last stable offsets.
            Map<TopicPartition, Long> end = Map.copyOf(consumer.endOffsets(partitions, remaining(deadline)));
            Set<TopicPartition> pending = new HashSet<>(partitions);

            while (!reachedEnd(consumer, pending, end, deadline)) {
                if (System.nanoTime() >= deadline) {
                    log.warn("Reading {} from {} timed out after {}; returning the {} records read so far", topic,
                            bootstrap, timeout, records.size());
                    break;
                }
                Duration poll = remaining(deadline).compareTo(Duration.ofMillis(100)) < 0 ? remaining(deadline)
                        : Duration.ofMillis(100);
                for (ConsumerRecord<String, byte[]> r : consumer.poll(poll)) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    if (r.offset() < end.getOrDefault(tp, 0L)) {
                        records.add(r);
                    }
                }
            }
        }
        records.sort(Comparator.<ConsumerRecord<String, byte[]>>comparingInt(ConsumerRecord::partition)
                .thenComparingLong(ConsumerRecord::offset));
        return records;
    }

    /** True when every partition's position has reached its end offset (drops finished ones from pending). */
    private static boolean reachedEnd(KafkaConsumer<String, byte[]> consumer, Set<TopicPartition> pending,
            Map<TopicPartition, Long> end, long deadline) {
        pending.removeIf(tp -> {
            Duration left = remaining(deadline);
            if (left.isZero()) {
                return false;
            }
            try {
                return consumer.position(tp, left) >= end.get(tp);
            } catch (org.apache.kafka.common.errors.TimeoutException timeout) {
                return false;
            }
        });
        return pending.isEmpty();
    }

    private static Duration remaining(long deadline) {
        long nanos = deadline - System.nanoTime();
        return nanos <= 0 ? Duration.ZERO : Duration.ofMillis(Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos)));
    }
}
