package com.offerpulse.launcher;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * What the launcher needs before Spring starts (the broker must be up before the services connect). Read from
 * environment variables, system properties and {@code --key=value} arguments, with these defaults:
 *
 * <ul>
 * <li>{@code OFFERPULSE_DATA_DIR} ({@value #DEFAULT_DATA_DIR}): broker logs, Kafka Streams state, the generated
 * signing key; created owner-only (0700)</li>
 * <li>{@code SERVER_ADDRESS} ({@value #DEFAULT_SERVER_ADDRESS}): the interface the HTTP server listens on; loopback
 * by default, {@code 0.0.0.0} to let other machines in</li>
 * <li>{@code OFFERPULSE_KAFKA_BOOTSTRAP}: use that cluster and start no broker</li>
 * <li>{@code OFFERPULSE_KAFKA_EMBEDDEDPORT} ({@value #DEFAULT_KAFKA_PORT}): the embedded broker's port; 0 = any</li>
 * <li>{@code OFFERPULSE_TOPICS_PARTITIONS} ({@value #DEFAULT_PARTITIONS}) and {@code OFFERPULSE_TOPICS_REPLICATION}
 * ({@value #DEFAULT_REPLICATION}) for topics it creates; {@code OFFERPULSE_TOPICS_MININSYNC} optional</li>
 * <li>{@code OFFERPULSE_TOPICS_RETENTION} ({@value #DEFAULT_RETENTION}) for event topics</li>
 * </ul>
 */
public record LauncherSettings(Path dataDir, String externalBootstrap, int kafkaPort, int partitions,
        short replication, Integer minInsyncReplicas, Duration retention) {

    public static final String DEFAULT_DATA_DIR = "./data";
    public static final String DEFAULT_SERVER_ADDRESS = "127.0.0.1";
    public static final int DEFAULT_KAFKA_PORT = 29092;
    public static final int DEFAULT_PARTITIONS = 6;
    public static final short DEFAULT_REPLICATION = 1;
    public static final String DEFAULT_RETENTION = "7d";

    public boolean embeddedBroker() {
        return externalBootstrap == null || externalBootstrap.isBlank();
    }

    public Path kafkaLogDir() {
        return dataDir.resolve("kafka");
    }

    /** The embedded default's EC signing key (JWK JSON, 0600); its public half is served at /oauth2/jwks. */
    public Path signingKeyFile() {
        return dataDir.resolve("signing-key.jwk");
    }

    /** The HS256 secret viewer invites are signed with (0600); never accepted as a bearer token's key here. */
    public Path inviteSecretFile() {
        return dataDir.resolve("invite-secret");
    }

    static LauncherSettings from(ConfigurableEnvironment env) {
        Binder binder = Binder.get(env);
        return new LauncherSettings(
                Path.of(binder.bind("offerpulse.data.dir", String.class).orElse(DEFAULT_DATA_DIR)).toAbsolutePath()
                        .normalize(),
                binder.bind("offerpulse.kafka.bootstrap", String.class).orElse(null),
                binder.bind("offerpulse.kafka.embedded-port", Integer.class).orElse(DEFAULT_KAFKA_PORT),
                binder.bind("offerpulse.topics.partitions", Integer.class).orElse(DEFAULT_PARTITIONS),
                binder.bind("offerpulse.topics.replication", Short.class).orElse(DEFAULT_REPLICATION),
                binder.bind("offerpulse.topics.min-insync", Integer.class).orElse(null),
                binder.bind("offerpulse.topics.retention", Bindable.of(Duration.class))
                        .orElse(org.springframework.boot.convert.DurationStyle.detectAndParse(DEFAULT_RETENTION)));
    }
}
