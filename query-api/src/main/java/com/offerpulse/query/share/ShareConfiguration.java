package com.offerpulse.query.share;

import java.time.Clock;
import java.util.UUID;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.platform.kafka.KafkaSettings;
import com.offerpulse.platform.kafka.deadletter.DeadLetters;
import com.offerpulse.platform.kafka.TransactionalKafkaWriter;
import com.offerpulse.query.QuerySettings;

import io.micrometer.core.instrument.MeterRegistry;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ShareSettings.class)
class ShareConfiguration {

    @Bean
    ShareSnapshots shareSnapshots(KafkaSettings kafka, ShareSettings settings, QuerySettings query, Clock clock,
            MeterRegistry meters, DeadLetters deadLetters) {
        return new KafkaShareSnapshots(kafka, Topics.SHARE_SNAPSHOTS.name(), settings.catchUp(), query.retryAfter(),
                clock, meters, deadLetters);
    }

    @Bean
    ShareWriter shareWriter(KafkaSettings kafka, ShareSettings settings, MeterRegistry meters) {
        String prefix = settings.transactionalIdPrefix().isBlank()
                ? "query-share-" + UUID.randomUUID() + "-"
                : settings.transactionalIdPrefix();
        return new KafkaShareWriter(new TransactionalKafkaWriter(kafka, prefix, meters));
    }
}
