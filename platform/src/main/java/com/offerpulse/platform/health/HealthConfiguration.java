package com.offerpulse.platform.health;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.offerpulse.platform.kafka.BackgroundConsumer;
import com.offerpulse.platform.kafka.KafkaSettings;
import com.offerpulse.platform.kafka.ManagedKafkaStreams;

/**
 * Health indicators every service shares, named as the health groups use them ({@code kafka}, {@code streams},
 * {@code backgroundConsumers}); the groups themselves are in {@code offerpulse-platform-defaults.properties}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HealthSettings.class)
class HealthConfiguration {

    /** Providers are read at each check, so the indicators never pull the applications' beans in early. */
    @Bean
    StreamsHealthIndicator streamsHealthIndicator(ObjectProvider<ManagedKafkaStreams> apps, HealthSettings settings,
            Clock clock) {
        return new StreamsHealthIndicator(() -> apps.orderedStream().toList(), settings, clock);
    }

    @Bean
    BackgroundConsumersHealthIndicator backgroundConsumersHealthIndicator(ObjectProvider<BackgroundConsumer> consumers) {
        return new BackgroundConsumersHealthIndicator(() -> consumers.orderedStream().toList());
    }

    @Bean(destroyMethod = "close")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaSettings kafka, HealthSettings settings, Clock clock) {
        return new KafkaHealthIndicator(kafka, settings, clock);
    }
}
