package com.offerpulse.platform.kafka.streams;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

import com.offerpulse.platform.kafka.deadletter.DeadLetters;

import io.micrometer.core.instrument.Metrics;

/**
 * What the three quarantining handlers share: the {@link DeadLetters} writer they hand records to, and how a record's
 * coordinates are read. Kafka Streams creates the handlers itself from their class names and passes them the
 * application's config map, so the writer travels through that map as an object under {@link #DEAD_LETTERS}; a
 * config without it (a tool that builds its own) gets one writer per cluster, made from {@code bootstrap.servers} and
 * counting on Micrometer's global registry (which Spring Boot joins to its own).
 */
public final class QuarantineSupport {
    /** Config key whose value is the {@link DeadLetters} instance the handlers write to. */
    public static final String DEAD_LETTERS = "offerpulse.dead.letters.writer";

    /**
     * Writers made for configs without one, one per cluster, shared by every handler of the JVM and never closed:
     * their producer is only created by a first dead letter, then lives as long as the JVM.
     */
    private static final Map<String, DeadLetters> FALLBACKS = new ConcurrentHashMap<>();

    private final String application;
    private final DeadLetters deadLetters;

    private QuarantineSupport(String application, DeadLetters deadLetters) {
        this.application = application;
        this.deadLetters = deadLetters;
    }

    static QuarantineSupport from(Map<String, ?> configs) {
        Object app = configs.get(StreamsConfig.APPLICATION_ID_CONFIG);
        String application = app == null ? "kafka-streams" : app.toString();
        Object given = configs.get(DEAD_LETTERS);
        if (given instanceof DeadLetters d) {
            return new QuarantineSupport(application, d);
        }
        Object bootstrap = configs.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG);
        String servers = bootstrap instanceof java.util.List<?> list ? String.join(",",
                list.stream().map(Object::toString).toList()) : String.valueOf(bootstrap);
        DeadLetters fallback = FALLBACKS.computeIfAbsent(servers,
                s -> new DeadLetters(s, Map.of(), Metrics.globalRegistry, Clock.systemUTC()));
        return new QuarantineSupport(application, fallback);
    }

    String application() {
        return application;
    }

    DeadLetters deadLetters() {
        return deadLetters;
    }

    /** A record key as text (keys are ids); null when absent. The dead letter cuts it to its maximum length. */
    static String keyOf(byte[] key) {
        if (key == null) {
            return null;
        }
        int n = Math.min(key.length, 4 * com.offerpulse.contracts.deadletter.DeadLetter.MAX_KEY_LENGTH);
        return new String(key, 0, n, StandardCharsets.UTF_8);
    }

    static String keyOf(Object key) {
        return key == null ? null : key instanceof byte[] bytes ? keyOf(bytes) : key.toString();
    }

    static long sizeOf(byte[] value) {
        return value == null ? -1 : value.length;
    }

    /** A topic for the dead letter: the source record's, or a stand-in when there was none (a punctuation). */
    static String topicOr(String topic, String fallback) {
        return topic == null || topic.isBlank() ? fallback : topic;
    }
}
