package com.offerpulse.platform.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import com.offerpulse.platform.kafka.BackgroundConsumer;

/**
 * Every plain background consumer of this JVM (session directory, room feed, topic mirrors): UP while each loop
 * reads; DOWN while one is restarting after a failure or has stopped, so a reader that died can no longer hide behind
 * an UP.
 */
final class BackgroundConsumersHealthIndicator implements HealthIndicator {
    private final Supplier<List<BackgroundConsumer>> consumers;

    BackgroundConsumersHealthIndicator(Supplier<List<BackgroundConsumer>> consumers) {
        this.consumers = consumers;
    }

    @Override
    public Health health() {
        Status worst = Status.UP;
        Map<String, Object> details = new LinkedHashMap<>();
        for (BackgroundConsumer consumer : consumers.get()) {
            BackgroundConsumer.Health h = consumer.health();
            Status status = h.phase() == BackgroundConsumer.Phase.RUNNING ? Status.UP : Status.DOWN;
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("phase", h.phase().name());
            d.put("failures_in_a_row", h.failuresInARow());
            d.put("restarts", h.restarts());
            if (h.lastError() != null) {
                d.put("last_error", h.lastError());
            }
            details.put(h.name(), d);
            worst = StreamsHealthIndicator.worse(worst, status);
        }
        return Health.status(worst).withDetails(details).build();
    }
}
