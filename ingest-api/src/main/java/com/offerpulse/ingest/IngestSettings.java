package com.offerpulse.ingest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;

/**
 * Ingest API settings ({@code offerpulse.ingest.*}).
 *
 * @param maxSegmentsPerBatch     a transcript batch holds at most this many segments (400 beyond)
 * @param transactionalIdPrefix   Kafka transactional id prefix; give each instance a stable, unique one in
 *                                production so a restarted instance fences its own unfinished transactions. Blank:
 *                                a random one per process
 * @param eventsPerSecond         sustained product events per client (IP when anonymous, user when signed in)
 * @param eventsBurst             how many events a client may send at once before the rate applies
 */
@Validated
@ConfigurationProperties("offerpulse.ingest")
public record IngestSettings(
        @DefaultValue("500") @Min(1) int maxSegmentsPerBatch,
        @DefaultValue("") String transactionalIdPrefix,
        @DefaultValue("5") @Min(1) double eventsPerSecond,
        @DefaultValue("20") @Min(1) int eventsBurst) {
}
