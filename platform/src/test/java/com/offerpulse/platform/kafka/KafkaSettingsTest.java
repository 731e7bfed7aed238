package com.offerpulse.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;

class KafkaSettingsTest {

    @Test
    void shouldBindClientPropertiesFromSpringProperties() {
        KafkaSettings s = new Binder(new MapConfigurationPropertySource(Map.of(
                "offerpulse.kafka.bootstrap", "kafka-1:9093",
                "offerpulse.kafka.properties.security.protocol", "SASL_SSL",
                "offerpulse.kafka.properties.sasl.mechanism", "SCRAM-SHA-512")))
                .bind("offerpulse.kafka", KafkaSettings.class).get();
        assertThat(s.clientProperties()).containsEntry("bootstrap.servers", "kafka-1:9093")
                .containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512");
    }

    @Test
    void shouldBindClientPropertiesFromEnvironmentVariables() {
        StandardEnvironment env = new StandardEnvironment();
        // Named like the real one: Spring maps OFFERPULSE_KAFKA_PROPERTIES_X_Y to properties.x.y only for it.
        env.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                "OFFERPULSE_KAFKA_BOOTSTRAP", "kafka-1:9093",
                "OFFERPULSE_KAFKA_PROPERTIES_SECURITY_PROTOCOL", "SASL_SSL",
                "OFFERPULSE_KAFKA_PROPERTIES_SSL_TRUSTSTORE_LOCATION", "/etc/kafka/truststore.p12")));
        KafkaSettings s = new Binder(ConfigurationPropertySources.get(env)).bind("offerpulse.kafka", KafkaSettings.class)
                .get();
        assertThat(s.properties()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.p12");
    }

    @Test
    void shouldHaveNoClientPropertiesByDefault() {
        KafkaSettings s = new Binder(new MapConfigurationPropertySource(Map.of("offerpulse.kafka.bootstrap", "k:9092")))
                .bind("offerpulse.kafka", KafkaSettings.class).get();
        assertThat(s.properties()).isEmpty();
        assertThat(s.clientProperties()).containsOnlyKeys("bootstrap.servers");
    }
}
