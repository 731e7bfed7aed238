package com.offerpulse.platform.kafka;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Kafka client settings every service shares. {@code OFFERPULSE_KAFKA_BOOTSTRAP} sets the cluster. The timeouts
 * are short on purpose: a write the broker cannot take is answered 503 within seconds instead of hanging.
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
        @DefaultValue("30s") Duration restartBackoffMax) {
}
