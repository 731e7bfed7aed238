package com.offerpulse.platform.kafka;

import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;

/**
 * One Kafka Streams application run by Spring's lifecycle: started after the context is ready, closed (state
 * flushed, transactions finished) on shutdown, its client metrics bound to Micrometer. Each module has its own, with
 * its own application id, so the launcher can run several side by side.
 */
public final class ManagedKafkaStreams implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ManagedKafkaStreams.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final String name;
    private final Topology topology;
    private final java.util.function.Supplier<Properties> properties;
    private final MeterRegistry meters;
    private final boolean autoStartup;
    private volatile KafkaStreams streams;
    private volatile KafkaStreamsMetrics metrics;
    /** When stream threads failed lately (newest last, at most {@value #FAILURES_KEPT}): a crash loop shows here. */
    private final java.util.Deque<Long> failures = new java.util.ArrayDeque<>();
    private static final int FAILURES_KEPT = 16;

    public ManagedKafkaStreams(String name, Topology topology, Properties properties, MeterRegistry meters) {
        this(name, topology, () -> properties, meters);
    }

    /**
     * Properties are read at start, after the web server has bound its port, so an instance can advertise its own
     * address for interactive queries ({@code application.server}).
     */
    public ManagedKafkaStreams(String name, Topology topology, java.util.function.Supplier<Properties> properties,
            MeterRegistry meters) {
        this(name, topology, properties, meters, true);
    }

    private ManagedKafkaStreams(String name, Topology topology, java.util.function.Supplier<Properties> properties,
            MeterRegistry meters, boolean autoStartup) {
        this.name = name;
        this.topology = topology;
        this.properties = properties;
        this.meters = meters;
        this.autoStartup = autoStartup;
    }

    /** A stand-in that never starts: for HTTP slice tests of a module whose views are faked. */
    public static ManagedKafkaStreams inert(String name) {
        return new ManagedKafkaStreams(name, null, Properties::new, null, false);
    }

    @Override
    public boolean isAutoStartup() {
        return autoStartup;
    }

    @Override
    public synchronized void start() {
        if (streams != null) {
            return;
        }
        KafkaStreams s = new KafkaStreams(topology, properties.get());
        s.setUncaughtExceptionHandler(e -> {
            recordFailure(System.currentTimeMillis());
            log.error("Stream thread of {} failed; replacing it", name, e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        s.setStateListener((now, before) -> log.info("Kafka Streams {}: {} -> {}", name, before, now));
        metrics = new KafkaStreamsMetrics(s);
        metrics.bindTo(meters);
        s.start();
        streams = s;
    }

    @Override
    public synchronized void stop() {
        KafkaStreams s = streams;
        if (s != null) {
            // Leave the group: otherwise a restarted instance waits out the old member's session timeout (45 s)
            // before it gets its partitions back, and every restart stalls processing that long.
            s.close(new KafkaStreams.CloseOptions().timeout(CLOSE_TIMEOUT).leaveGroup(true));
            if (metrics != null) {
                metrics.close();
            }
            streams = null;
        }
    }

    /**
     * Closes on its own thread, so several Streams applications in one JVM (the launcher) shut down in parallel
     * rather than one after another.
     */
    @Override
    public void stop(Runnable callback) {
        Thread closer = new Thread(() -> {
            try {
                stop();
            } finally {
                callback.run();
            }
        }, name + "-close");
        closer.start();
    }

    @Override
    public boolean isRunning() {
        return streams != null;
    }

    private void recordFailure(long atMillis) {
        synchronized (failures) {
            failures.addLast(atMillis);
            while (failures.size() > FAILURES_KEPT) {
                failures.removeFirst();
            }
        }
    }

    /** How many stream threads failed (and were replaced) since {@code sinceMillis}, up to the last 16. */
    public int failuresSince(long sinceMillis) {
        synchronized (failures) {
            return (int) failures.stream().filter(t -> t >= sinceMillis).count();
        }
    }

    /** The application's state; null when it is not started. */
    public KafkaStreams.State state() {
        KafkaStreams s = streams;
        return s == null ? null : s.state();
    }

    /** The running instance, for interactive queries and tests; null when stopped. */
    public KafkaStreams streams() {
        return streams;
    }

    public String name() {
        return name;
    }
}
