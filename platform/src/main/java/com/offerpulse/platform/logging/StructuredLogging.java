package com.offerpulse.platform.logging;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;
import org.springframework.util.StringUtils;

/**
 * Keeps every console line one JSON object when {@code logging.structured.format.console} is set (the launcher sets
 * {@code ecs}). Two paths used to print plain text between the JSON lines, stack traces included:
 * <ul>
 * <li>anything logged before Spring Boot configures logging: the launcher starts its Kafka broker first, so the
 * broker's start-up lines and a failure to start (a port in use) came out in logback's default text format;</li>
 * <li>an exception nobody caught: the JVM's default handler prints it to stderr with {@code printStackTrace}, outside
 * the logging system (a failure in {@code main} before Spring runs, a library's thread dying).</li>
 * </ul>
 * {@link #initializeEarly} configures Spring Boot's own logging system from the same sources Spring will read
 * (command line, system properties, environment, {@code application.properties}, the platform defaults), so the
 * first line is already structured, and Spring keeps that configuration when it starts (Boot does not re-initialise
 * an initialised logback context). {@link #logUncaughtExceptions} sends uncaught exceptions through SLF4J, so their
 * stack trace lands in the JSON line's {@code error.stack_trace} field.
 */
public final class StructuredLogging {
    private static final String PLATFORM_DEFAULTS = "offerpulse-platform-defaults.properties";

    private StructuredLogging() {
    }

    /** For a {@code main} that logs before {@code SpringApplication.run}; call it first. */
    public static void initializeEarly(String... args) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        addIfPresent(env, "application.properties");
        addIfPresent(env, PLATFORM_DEFAULTS);
        LoggingSystem system = LoggingSystem.get(StructuredLogging.class.getClassLoader());
        system.beforeInitialize();
        String config = env.getProperty("logging.config");
        system.initialize(new LoggingInitializationContext(env), StringUtils.hasText(config) ? config : null, null);
        logUncaughtExceptions();
    }

    /**
     * Uncaught exceptions go to the log (one line, stack trace in a field) instead of the JVM's plain-text print.
     * Leaves a handler someone else installed alone.
     */
    public static void logUncaughtExceptions() {
        if (Thread.getDefaultUncaughtExceptionHandler() == null) {
            Thread.setDefaultUncaughtExceptionHandler(UncaughtExceptionLogger.INSTANCE);
        }
    }

    private static void addIfPresent(StandardEnvironment env, String resource) {
        ClassPathResource file = new ClassPathResource(resource);
        if (!file.exists()) {
            return;
        }
        try {
            env.getPropertySources().addLast(new ResourcePropertySource("early:" + resource, file));
        } catch (IOException e) {
            // Unreadable: log with the defaults rather than not start.
        }
    }

    /** The JVM-wide handler: one ERROR line naming the thread, with the stack trace as structured data. */
    enum UncaughtExceptionLogger implements Thread.UncaughtExceptionHandler {
        INSTANCE;

        private static final Logger log = LoggerFactory.getLogger(StructuredLogging.class);

        @Override
        public void uncaughtException(Thread thread, Throwable error) {
            log.atError().setCause(error).addKeyValue("thread", thread.getName()).log("Uncaught exception");
        }
    }
}
