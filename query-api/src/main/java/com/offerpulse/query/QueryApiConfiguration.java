package com.offerpulse.query;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.offerpulse.platform.kafka.KafkaSettings;
import com.offerpulse.platform.kafka.LowLatencyStreamsConfig;
import com.offerpulse.platform.kafka.ManagedKafkaStreams;
import com.offerpulse.platform.kafka.deadletter.DeadLetters;
import com.offerpulse.query.routing.LocalAddress;
import com.offerpulse.query.views.QueryTopology;

import io.micrometer.core.instrument.MeterRegistry;

@Configuration(proxyBeanMethods = false)
class QueryApiConfiguration {

    /** Started after the web server (default lifecycle phase), so {@code application.server} has the real port. */
    @Bean
    ManagedKafkaStreams queryStreams(QuerySettings settings, KafkaSettings kafka, LocalAddress self,
            MeterRegistry meters, DeadLetters deadLetters) {
        return new ManagedKafkaStreams(settings.applicationId(), QueryTopology.build(settings.roundsListed()),
                () -> LowLatencyStreamsConfig.forService(
                        QueryTopology.streamsConfig(settings, kafka.bootstrap(), self.applicationServer()),
                        kafka, deadLetters),
                meters);
    }
}
