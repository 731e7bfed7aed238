package com.offerpulse.loadgen.floors;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.offerpulse.loadgen.measure.LatencyRecorder;
import com.offerpulse.loadgen.measure.LatencySummary;

/**
 * What Kafka alone does on this machine, on the platform's own broker, in a scratch topic deleted afterwards:
 * produce → consume latency at a steady rate (acks=all, linger 0, the ingest API's producer settings), the commit
 * latency of one-record transactions (what the ingest API does per batch) and their produce → read_committed
 * consume latency, and raw throughput with batching.
 */
public final class KafkaFloor {
    static final int PARTITIONS = 6;
    static final int RECORD_BYTES = 300; // about one transcript segment as JSON
    static final int THROUGHPUT_RECORDS = 300_000;
    static final Duration THROUGHPUT_BOUND = Duration.ofSeconds(60);
    static final int TXN_RETRY_BACKOFF_MS = 5;
    static final int TXN_RETRY_BACKOFF_MAX_MS = 100;

    private final String bootstrap;
    private final String runId;

    public KafkaFloor(String bootstrap, String runId) {
        this.bootstrap = bootstrap;
        this.runId = runId;
    }

    /** The Kafka floors; each figure is measured on its own scratch topic. */
    public record Result(LatencySummary produceToConsume, int rate, LatencySummary transactionCommit,
            LatencySummary transactionalProduceToConsume, double produceRecordsPerSecond,
            double consumeRecordsPerSecond, int recordBytes) {
    }

    public Result measure(int rate, int seconds) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            String plain = "loadgen-floor-" + runId + "-latency";
            String txn = "loadgen-floor-" + runId + "-txn";
            String bulk = "loadgen-floor-" + runId + "-throughput";
            admin.createTopics(List.of(new NewTopic(plain, PARTITIONS, (short) 1),
                    new NewTopic(txn, PARTITIONS, (short) 1), new NewTopic(bulk, PARTITIONS, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
            try {
                System.out.printf("floors: Kafka produce -> consume at %d records/s for %d s%n", rate, seconds);
                LatencySummary latency = produceToConsume(plain, rate, seconds, false).consume;
                System.out.printf("floors:   p50 %.2f ms, p99 %.2f ms%n", latency.p50(), latency.p99());
                int txnRate = Math.min(rate, 500);
                System.out.printf("floors: Kafka one-record transactions, %d/s for %d s%n", txnRate, seconds);
                Measured t = produceToConsume(txn, txnRate, seconds, true);
                System.out.printf("floors:   commit p50 %.2f ms p99 %.2f ms; to read_committed consumer p50 %.2f ms "
                        + "p99 %.2f ms%n", t.commit.p50(), t.commit.p99(), t.consume.p50(), t.consume.p99());
                double[] tp = throughput(bulk);
                System.out.printf("floors: Kafka throughput: produce %,.0f records/s, consume %,.0f records/s "
                        + "(%d B records)%n", tp[0], tp[1], RECORD_BYTES);
                return new Result(latency, rate, t.commit, t.consume, tp[0], tp[1], RECORD_BYTES);
            } finally {
                admin.deleteTopics(List.of(plain, txn, bulk)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private record Measured(LatencySummary consume, LatencySummary commit) {
    }

    private Measured produceToConsume(String topic, int rate, int seconds, boolean transactional)
            throws Exception {
        LatencyRecorder consumeLatency = new LatencyRecorder();
        LatencyRecorder commitLatency = new LatencyRecorder();
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong received = new AtomicLong();
        long total = (long) rate * seconds;
        try (KafkaConsumer<String, byte[]> consumer = consumer(transactional)) {
            List<TopicPartition> parts = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) {
                parts.add(new TopicPartition(topic, p));
            }
            consumer.assign(parts);
            consumer.seekToEnd(parts);
            parts.forEach(consumer::position);
            Thread reader = new Thread(() -> {
                while (!done.get()) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                        long sentNanos = ByteBuffer.wrap(r.value()).getLong();
                        consumeLatency.recordNanos(System.nanoTime() - sentNanos);
                        received.incrementAndGet();
                    }
                }
            }, "floor-consumer");
            reader.start();
            try (KafkaProducer<String, byte[]> producer = producer(transactional, 0, 16 * 1024)) {
                if (transactional) {
                    producer.initTransactions();
                }
                long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
                long start = System.nanoTime();
                for (long i = 0; i < total; i++) {
                    long due = start + i * intervalNanos;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    byte[] value = new byte[RECORD_BYTES];
                    long t0 = System.nanoTime();
                    ByteBuffer.wrap(value).putLong(t0);
                    ProducerRecord<String, byte[]> rec = new ProducerRecord<>(topic, "k" + (i % 997), value);
                    if (transactional) {
                        producer.beginTransaction();
                        producer.send(rec);
                        producer.commitTransaction();
                        commitLatency.recordNanos(System.nanoTime() - t0);
                    } else {
                        producer.send(rec);
                    }
                }
                producer.flush();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (received.get() < total && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            done.set(true);
            reader.join(5_000);
        }
        consumeLatency.tick(true);
        commitLatency.tick(true);
        return new Measured(consumeLatency.steady(), commitLatency.steady());
    }

    private double[] throughput(String topic) throws Exception {
        byte[] value = new byte[RECORD_BYTES];
        long produceStart = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = producer(false, 5, 256 * 1024)) {
            for (int i = 0; i < THROUGHPUT_RECORDS; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + (i % 997), value));
            }
            producer.flush();
        }
        double produceSecs = (System.nanoTime() - produceStart) / 1e9;
        long consumeStart = System.nanoTime();
        long seen = 0;
        try (KafkaConsumer<String, byte[]> consumer = consumer(false)) {
            List<TopicPartition> parts = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) {
                parts.add(new TopicPartition(topic, p));
            }
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            long bound = System.nanoTime() + THROUGHPUT_BOUND.toNanos();
            while (seen < THROUGHPUT_RECORDS && System.nanoTime() < bound) {
                seen += consumer.poll(Duration.ofMillis(200)).count();
            }
        }
        double consumeSecs = (System.nanoTime() - consumeStart) / 1e9;
        return new double[] {THROUGHPUT_RECORDS / produceSecs, seen / consumeSecs};
    }

    private KafkaProducer<String, byte[]> producer(boolean transactional, int lingerMs, int batchBytes) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, batchBytes);
        if (transactional) {
            p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "loadgen-floor-" + runId);
            // as the platform's transactional producers (LowLatencyStreamsConfig): back-to-back transactions
            // retry CONCURRENT_TRANSACTIONS at once, not after Kafka's default 100 ms
            p.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, TXN_RETRY_BACKOFF_MS);
            p.put(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, TXN_RETRY_BACKOFF_MAX_MS);
        }
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    private KafkaConsumer<String, byte[]> consumer(boolean readCommitted) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, readCommitted ? "read_committed" : "read_uncommitted");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
