package com.offerpulse.platform.kafka.deadletter;

import java.time.Clock;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.offerpulse.platform.kafka.KafkaSettings;

import io.micrometer.core.instrument.MeterRegistry;

/** One dead-letter writer per JVM, shared by every consumer and Streams application in it. */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    @Bean(destroyMethod = "close")
    DeadLetters deadLetters(KafkaSettings kafka, ObjectProvider<MeterRegistry> meters, Clock clock) {
        return new DeadLetters(kafka.bootstrap(), Map.copyOf(kafka.properties()), meters.getIfAvailable(), clock);
    }
}
