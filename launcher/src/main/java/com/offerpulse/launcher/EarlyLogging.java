package com.offerpulse.launcher;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;

/**
 * Before Spring configures logging, logback's default is DEBUG to the console, and the broker starts in that
 * window. Quiet it to what the services use, so start-up is fast and readable.
 */
final class EarlyLogging {
    private EarlyLogging() {
    }

    static void quietBrokerStartUp() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
            context.getLogger("org.apache.kafka").setLevel(Level.WARN);
            context.getLogger("kafka").setLevel(Level.WARN);
            context.getLogger("state.change.logger").setLevel(Level.WARN);
            context.getLogger("org.apache.kafka.clients.NetworkClient").setLevel(Level.ERROR);
        }
    }
}
