package com.offerpulse.platform.health;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;

/**
 * Health checks ({@code offerpulse.health.*}).
 *
 * @param crashLoopWindow   stream-thread failures inside this window count towards a crash loop
 * @param crashLoopFailures this many failures inside the window make a Streams application DOWN even though Kafka
 *                          Streams keeps replacing the thread and calls itself RUNNING
 * @param kafkaTimeout      how long the Kafka check waits for the cluster to describe itself
 * @param kafkaCacheFor     a Kafka check result is reused this long, so frequent probes do not load the broker
 */
@Validated
@ConfigurationProperties("offerpulse.health")
public record HealthSettings(
        @DefaultValue("1m") Duration crashLoopWindow,
        @DefaultValue("3") @Min(1) int crashLoopFailures,
        @DefaultValue("2s") Duration kafkaTimeout,
        @DefaultValue("2s") Duration kafkaCacheFor) {
}
