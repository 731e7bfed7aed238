package com.offerpulse.platform.health;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import com.offerpulse.platform.kafka.ManagedKafkaStreams;

/**
 * Every Kafka Streams application of this JVM: UP while each is RUNNING or REBALANCING; DOWN when one is in ERROR,
 * PENDING_ERROR, PENDING_SHUTDOWN or NOT_RUNNING, or when its stream threads keep failing (Kafka Streams replaces a
 * failed thread and still says RUNNING, so a poison record re-read after every replacement would otherwise look
 * healthy while it serves nobody). OUT_OF_SERVICE while one is still starting (CREATED). Inert stand-ins of slice
 * tests are left out.
 */
final class StreamsHealthIndicator implements HealthIndicator {
    private final Supplier<List<ManagedKafkaStreams>> applications;
    private final HealthSettings settings;
    private final Clock clock;

    StreamsHealthIndicator(Supplier<List<ManagedKafkaStreams>> applications, HealthSettings settings, Clock clock) {
        this.applications = applications;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Status worst = Status.UP;
        Map<String, Object> details = new LinkedHashMap<>();
        long since = clock.millis() - settings.crashLoopWindow().toMillis();
        for (ManagedKafkaStreams app : applications.get()) {
            if (!app.isAutoStartup()) {
                continue;
            }
            KafkaStreams.State state = app.state();
            int failures = app.failuresSince(since);
            Status status = statusOf(state, failures >= settings.crashLoopFailures());
            details.put(app.name(), Map.of("state", state == null ? "NOT_STARTED" : state.name(),
                    "thread_failures_last_window", failures, "status", status.getCode()));
            worst = worse(worst, status);
        }
        return Health.status(worst).withDetails(details).build();
    }

    static Status statusOf(KafkaStreams.State state, boolean crashLooping) {
        if (state == null || state == KafkaStreams.State.CREATED) {
            return Status.OUT_OF_SERVICE;
        }
        if (crashLooping) {
            return Status.DOWN;
        }
        return switch (state) {
            case RUNNING, REBALANCING -> Status.UP;
            default -> Status.DOWN;
        };
    }

    static Status worse(Status a, Status b) {
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(Status s) {
        if (Status.DOWN.equals(s)) {
            return 3;
        }
        if (Status.OUT_OF_SERVICE.equals(s)) {
            return 2;
        }
        return Status.UP.equals(s) ? 0 : 1;
    }
}
