package com.offerpulse.stream.kpi;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.offerpulse.platform.kafka.KafkaSettings;
import com.offerpulse.platform.kafka.LowLatencyStreamsConfig;
import com.offerpulse.platform.kafka.ManagedKafkaStreams;
import com.offerpulse.platform.kafka.deadletter.DeadLetters;
import com.offerpulse.stream.StreamSettings;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Runs the KPI derivation as its own Kafka Streams application next to the main topology: a slower commit interval,
 * its own consumer group and internal topics, and it can be switched off ({@code offerpulse.kpi.enabled=false}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KpiSettings.class)
class KpiStreamsConfiguration {

    @Bean
    @ConditionalOnProperty(name = "offerpulse.kpi.enabled", havingValue = "true", matchIfMissing = true)
    ManagedKafkaStreams kpiDerivationStreams(KpiSettings settings, StreamSettings stream, KafkaSettings kafka,
            MeterRegistry meters, DeadLetters deadLetters) {
        return new ManagedKafkaStreams(settings.applicationId(), KpiTopology.build(settings),
                LowLatencyStreamsConfig.forService(
                        KpiTopology.streamsConfig(settings, stream, kafka.bootstrap()),
                        kafka, deadLetters),
                meters);
    }
}
