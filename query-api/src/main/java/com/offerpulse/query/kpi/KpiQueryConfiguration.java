package com.offerpulse.query.kpi;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.offerpulse.platform.kafka.KafkaSettings;
import com.offerpulse.platform.kafka.deadletter.DeadLetters;

import io.micrometer.core.instrument.MeterRegistry;

/** The KPI views and the reader that fills them; no Kafka Streams application on the query side. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KpiQuerySettings.class)
class KpiQueryConfiguration {

    @Bean
    KpiViews kpiViews(KpiQuerySettings settings, MeterRegistry meters) {
        return new KpiViews(settings.retryAfter(), meters);
    }

    @Bean
    @ConditionalOnProperty(name = "offerpulse.query.kpi.reader-enabled", havingValue = "true", matchIfMissing = true)
    KpiTopicReader kpiTopicReader(KafkaSettings kafka, KpiViews views, KpiQuerySettings settings,
            DeadLetters deadLetters) {
        return new KpiTopicReader(kafka, views, settings.retryPause(), deadLetters);
    }
}
