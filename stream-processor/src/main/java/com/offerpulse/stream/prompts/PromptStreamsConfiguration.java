package com.offerpulse.stream.prompts;

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
 * Runs {@link PromptTopology} as its own Kafka Streams application: the prompt has its own consumer group and state,
 * so it can be replayed or reset without touching rounds and offer probability.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PromptSettings.class)
class PromptStreamsConfiguration {

    @Bean
    ManagedKafkaStreams promptStreams(PromptSettings settings, StreamSettings stream, KafkaSettings kafka,
            MeterRegistry meters, DeadLetters deadLetters) {
        return new ManagedKafkaStreams(settings.applicationId(), PromptTopology.build(settings),
                LowLatencyStreamsConfig.forService(
                        PromptTopology.streamsConfig(settings, stream, kafka.bootstrap()),
                        kafka, deadLetters), meters);
    }
}
