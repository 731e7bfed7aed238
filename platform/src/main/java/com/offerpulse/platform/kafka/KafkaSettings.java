package com.offerpulse.platform.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Kafka client settings every service shares. {@code OFFERPULSE_KAFKA_BOOTSTRAP} sets the cluster. The timeouts
 * are short on purpose: a write the broker cannot take is answered 503 within seconds instead of hanging.
 *
 * <p>{@code properties} are Kafka client settings applied to every producer, consumer, admin client and Streams
 * application of the JVM (TLS, SASL, client racks...): {@code offerpulse.kafka.properties.security.protocol=SASL_SSL},
 * or from the environment {@code OFFERPULSE_KAFKA_PROPERTIES_SECURITY_PROTOCOL=SASL_SSL} (docs/OPERATIONS.md, "Any
 * Kafka"). OfferPulse's own settings (serializers, isolation, idempotence, timeouts) are applied after them, so a
 * property cannot weaken a guarantee the code relies on.
 */
@ConfigurationProperties("offerpulse.kafka")
public record KafkaSettings(
        @DefaultValue("localhost:9092") String bootstrap,
        /** How long a send may wait for metadata or buffer space before failing. */
        @DefaultValue("5s") Duration maxBlock,
        @DefaultValue("5s") Duration requestTimeout,
        /** Upper bound for a record to be acknowledged, retries included. */
        @DefaultValue("12s") Duration deliveryTimeout,
        /** An open transaction of a crashed writer blocks read_committed readers this long at most. */
        @DefaultValue("15s") Duration transactionTimeout,
        /** What a 503 tells the client to wait before retrying. */
        @DefaultValue("5s") Duration retryAfter,
        /** A background consumer whose loop failed starts again after this pause, doubled per failure in a row. */
        @DefaultValue("500ms") Duration restartBackoff,
        /** The longest pause between restarts of a failing background consumer. */
        @DefaultValue("30s") Duration restartBackoffMax,
        /** Kafka client settings for every client of the JVM (security, TLS, SASL); see above. */
        Map<String, String> properties,
        /** Off-heap memory all RocksDB stores of the JVM share (block cache, index and filter blocks, memtables). */
        @DefaultValue("64MB") DataSize rocksdbCache,
        /** The memtables' share of that cache. */
        @DefaultValue("16MB") DataSize rocksdbMemtables) {

    public KafkaSettings {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
        rocksdbCache = rocksdbCache == null ? DataSize.ofMegabytes(64) : rocksdbCache;
        rocksdbMemtables = rocksdbMemtables == null ? DataSize.ofMegabytes(16) : rocksdbMemtables;
    }

    /** The shared client settings plus the bootstrap address: the base of every client's configuration. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> p = new HashMap<>(properties);
        p.put("bootstrap.servers", bootstrap);
        return p;
    }
}
