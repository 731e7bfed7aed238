package com.offerpulse.launcher;

import org.springframework.context.ConfigurableApplicationContext;

import com.offerpulse.kafka.embedded.EmbeddedKafkaBroker;

/** A started platform: the services' context and, on the embedded default, the broker under it. */
public final class RunningPlatform implements AutoCloseable {
    private final ConfigurableApplicationContext context;
    private final EmbeddedKafkaBroker broker;
    private final String bootstrap;

    RunningPlatform(ConfigurableApplicationContext context, EmbeddedKafkaBroker broker, String bootstrap) {
        this.context = context;
        this.broker = broker;
        this.bootstrap = bootstrap;
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public String kafkaBootstrap() {
        return bootstrap;
    }

    public int httpPort() {
        String port = context.getEnvironment().getProperty("local.server.port");
        return port == null ? -1 : Integer.parseInt(port);
    }

    /** Services first, so nothing is mid-write when the broker goes. */
    @Override
    public synchronized void close() {
        if (context.isActive()) {
            context.close();
        }
        if (broker != null) {
            broker.close();
        }
    }
}
