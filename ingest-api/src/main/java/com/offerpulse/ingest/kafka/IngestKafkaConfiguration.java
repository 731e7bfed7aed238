package com.offerpulse.ingest.kafka;

import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.offerpulse.ingest.IngestSettings;
import com.offerpulse.platform.kafka.KafkaSettings;
import com.offerpulse.platform.kafka.RecordWriter;
import com.offerpulse.platform.kafka.TransactionalKafkaWriter;

import io.micrometer.core.instrument.MeterRegistry;

/** The ingest API's writer; the session directory comes from platform ({@code SessionDirectoryConfiguration}). */
@Configuration(proxyBeanMethods = false)
class IngestKafkaConfiguration {

    @Bean
    RecordWriter ingestRecordWriter(KafkaSettings kafka, IngestSettings settings, MeterRegistry meters) {
        String prefix = settings.transactionalIdPrefix().isBlank()
                ? "ingest-" + UUID.randomUUID() + "-"
                : settings.transactionalIdPrefix();
        return new TransactionalKafkaWriter(kafka, prefix, meters);
    }
}
