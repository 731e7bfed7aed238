package com.offerpulse.platform.kafka;

import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;

import com.offerpulse.platform.kafka.deadletter.DeadLetters;
import com.offerpulse.platform.kafka.streams.BoundedRocksDbMemory;
import com.offerpulse.platform.kafka.streams.QuarantineDeserializationExceptionHandler;
import com.offerpulse.platform.kafka.streams.QuarantineProcessingExceptionHandler;
import com.offerpulse.platform.kafka.streams.QuarantineProductionExceptionHandler;
import com.offerpulse.platform.kafka.streams.QuarantineSupport;

/**
 * The Kafka Streams settings every OfferPulse application shares (docs/ARCHITECTURE.md, "Stream processing"):
 * exactly-once v2, no record cache and a short commit interval so results are not held back, a short fetch wait and
 * linger, a short producer retry back-off (transactional retries are routine, not failures), a session timeout that
 * moves a crashed instance's work within seconds, and poison pills quarantined to {@code dead-letters.v1} instead of
 * crash-looping (deserialization, processing and production handlers of {@code platform.kafka.streams}).
 */
public final class LowLatencyStreamsConfig {
    private static final int FETCH_MAX_WAIT_MS = 50;
    private static final long MIN_HEARTBEAT_MS = 1_000;
    /**
     * Back-off before a producer retries a send. Kafka's default (100 ms, doubling to 1 s) is paid on every
     * CONCURRENT_TRANSACTIONS answer, which a transactional producer gets whenever it writes to a partition whose
     * previous transaction's commit marker is still being written; with a commit every 50 ms that happened many
     * times a second under load and stalled the stream threads (docs/PERFORMANCE.md, "Transactional retries").
     */
    public static final int PRODUCER_RETRY_BACKOFF_MS = 5;
    public static final int PRODUCER_RETRY_BACKOFF_MAX_MS = 100;

    private LowLatencyStreamsConfig() {
    }

    public static Properties of(String applicationId, String bootstrap, String stateDir, Duration commitInterval,
            int standbyReplicas, int replicationFactor, Duration sessionTimeout) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, (int) commitInterval.toMillis());
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, standbyReplicas);
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, replicationFactor);
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                QuarantineDeserializationExceptionHandler.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, QuarantineProcessingExceptionHandler.class);
        p.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, QuarantineProductionExceptionHandler.class);
        p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        // Every RocksDB store of the JVM shares one bounded cache and memtable budget (BoundedRocksDbMemory).
        p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 0);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MS_CONFIG), PRODUCER_RETRY_BACKOFF_MS);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG), PRODUCER_RETRY_BACKOFF_MAX_MS);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), FETCH_MAX_WAIT_MS);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), (int) sessionTimeout.toMillis());
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG),
                (int) Math.max(MIN_HEARTBEAT_MS, sessionTimeout.toMillis() / 3));
        return p;
    }

    /**
     * The same config whose exception handlers write to {@code deadLetters} (the application's shared writer, with its
     * meter registry) instead of one made from {@code bootstrap.servers}.
     */
    /**
     * Adds the shared Kafka client settings ({@code offerpulse.kafka.properties.*}: security, TLS, SASL) to a Streams
     * configuration; Kafka Streams hands them to its consumers, producers and admin client. OfferPulse's own
     * settings already in {@code config} win.
     */
    public static Properties withClientProperties(Properties config, java.util.Map<String, String> clientProperties) {
        clientProperties.forEach(config::putIfAbsent);
        return config;
    }

    /**
     * What a Streams application of a running service adds to its pure configuration: the shared dead-letter writer,
     * the shared Kafka client settings and the JVM's RocksDB budget, all from {@code offerpulse.kafka.*}.
     */
    public static Properties forService(Properties config, KafkaSettings kafka, DeadLetters deadLetters) {
        withDeadLetters(config, deadLetters);
        withClientProperties(config, kafka.properties());
        return withBoundedRocksDb(config, kafka.rocksdbCache().toBytes(), kafka.rocksdbMemtables().toBytes());
    }

    /** Sets the JVM-wide RocksDB budget (block cache including memtables, and the memtables' share of it). */
    public static Properties withBoundedRocksDb(Properties config, long cacheBytes, long memtableBytes) {
        config.put(BoundedRocksDbMemory.CACHE_BYTES, cacheBytes);
        config.put(BoundedRocksDbMemory.MEMTABLE_BYTES, memtableBytes);
        return config;
    }

    public static Properties withDeadLetters(Properties config, DeadLetters deadLetters) {
        if (deadLetters != null) {
            config.put(QuarantineSupport.DEAD_LETTERS, deadLetters);
        }
        return config;
    }
}
