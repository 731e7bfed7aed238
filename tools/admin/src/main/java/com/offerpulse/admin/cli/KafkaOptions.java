package com.offerpulse.admin.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import picocli.CommandLine.Option;

/**
 * How every command reaches Kafka: the bootstrap address plus, like Kafka's own tools, a {@code --command-config}
 * file of client properties ({@code security.protocol=SASL_SSL}, {@code sasl.jaas.config}, {@code ssl.*}), so the
 * CLI works on a managed or secured cluster as it does on loopback.
 */
public final class KafkaOptions {
    /** Upper bound of every Admin call when {@code --timeout} is not given. */
    public static final String DEFAULT_TIMEOUT = "30s";

    @Option(names = {"--bootstrap", "--bootstrap-server"}, required = true, paramLabel = "HOST:PORT[,HOST:PORT...]",
            description = "Kafka bootstrap servers.")
    String bootstrap;

    @Option(names = "--command-config", paramLabel = "FILE",
            description = "Kafka client properties (security.protocol, sasl.*, ssl.*), as for Kafka's own tools.")
    Path commandConfig;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = DEFAULT_TIMEOUT,
            converter = DurationConverter.class, description = "Upper bound of each Kafka call (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    public Duration timeout() {
        return timeout;
    }

    public String bootstrap() {
        return bootstrap;
    }

    /** The client properties: the command-config file first, then the bootstrap and timeouts given here. */
    public Properties clientProperties() {
        Properties p = new Properties();
        if (commandConfig != null) {
            try (Reader r = Files.newBufferedReader(commandConfig)) {
                p.load(r);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read --command-config " + commandConfig + ": " + e.getMessage(),
                        e);
            }
        }
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "offerpulse-admin");
        int ms = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(ms));
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.min(ms, 10_000)));
        p.putIfAbsent(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
        return p;
    }

    public Admin admin() {
        return Admin.create(clientProperties());
    }
}
