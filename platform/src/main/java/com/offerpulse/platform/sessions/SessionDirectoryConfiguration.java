package com.offerpulse.platform.sessions;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import com.offerpulse.platform.kafka.KafkaSettings;
import com.offerpulse.platform.kafka.deadletter.DeadLetters;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The one session directory of a JVM. Not component-scanned: only modules that check round ownership (ingest,
 * realtime) import it, and the launcher, importing both, still gets a single reader of the lifecycle topic.
 */
@EnableConfigurationProperties(SessionDirectorySettings.class)
public class SessionDirectoryConfiguration {

    @Bean
    SessionDirectory sessionDirectory(KafkaSettings kafka, SessionDirectorySettings settings, MeterRegistry meters,
            DeadLetters deadLetters) {
        return new KafkaSessionDirectory(kafka, settings.catchUp(), meters, deadLetters);
    }
}
