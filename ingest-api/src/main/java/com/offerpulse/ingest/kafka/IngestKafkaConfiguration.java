package com.offerpulse.ingest.kafka;

import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.offerpulse.ingest.IngestSettings;
import com.offerpulse.platform.sessions.KafkaSessionDirectory;
import com.offerpulse.platform.sessions.SessionDirectory;
import com.offerpulse.platform.kafka.KafkaSettings;
import com.offerpulse.platform.kafka.RecordWriter;
import com.offerpulse.platform.kafka.TransactionalKafkaWriter;

import io.micrometer.core.instrument.MeterRegistry;

/** The ingest API's two Kafka touch points: the transactional writer and the session directory. */
@Configuration(proxyBeanMethods = false)
class IngestKafkaConfiguration {

    @Bean
    RecordWriter ingestRecordWriter(KafkaSettings kafka, IngestSettings settings, MeterRegistry meters) {
        String prefix = settings.transactionalIdPrefix().isBlank()
                ? "ingest-" + UUID.randomUUID() + "-"
                : settings.transactionalIdPrefix();
        return new TransactionalKafkaWriter(kafka, prefix, meters);
    }

    @Bean
    SessionDirectory ingestSessionDirectory(KafkaSettings kafka, IngestSettings settings, MeterRegistry meters) {
        return new KafkaSessionDirectory(kafka, settings.directoryCatchUp(), meters);
    }
}
