package com.offerpulse.realtime.metrics;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;

/**
 * The realtime meters (docs/SYSTEM_METRICS_CONTRACT.md): disconnects by reason, Redis publish latency and fanout
 * delay. Percentiles are computed in-process over a sliding window (Micrometer's default: 2 minutes), so
 * {@code /api/system/metrics} and {@code /actuator/prometheus} show the same numbers.
 */
@Component
public class RealtimeMetrics {
    static final String DISCONNECTS = "offerpulse.realtime.disconnects";
    static final String REDIS_PUBLISH = "offerpulse.realtime.redis.publish";
    static final String FANOUT_DELAY = "offerpulse.realtime.fanout.delay";
    private static final double[] PERCENTILES = {0.5, 0.95, 0.99};

    private final Map<CloseReason, Counter> disconnects = new EnumMap<>(CloseReason.class);
    private final Timer redisPublish;
    private final Timer fanoutDelay;

    RealtimeMetrics(MeterRegistry registry) {
        for (CloseReason r : CloseReason.values()) {
            disconnects.put(r, Counter.builder(DISCONNECTS).tag("reason", r.tag())
                    .description("Room sockets closed or refused, by reason").register(registry));
        }
        redisPublish = Timer.builder(REDIS_PUBLISH).publishPercentiles(PERCENTILES)
                .description("Round trip of one PUBLISH of a room message").register(registry);
        fanoutDelay = Timer.builder(FANOUT_DELAY).publishPercentiles(PERCENTILES)
                .description("Source timestamp of a room message to its hand-off to a socket")
                .register(registry);
    }

    public void disconnected(CloseReason reason) {
        disconnects.get(reason).increment();
    }

    public void recordPublish(long nanos) {
        redisPublish.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Fanout delay of a message written now; negative values (clock skew) count as zero. */
    public void recordDelivery(long sourceEpochMillis) {
        if (sourceEpochMillis > 0) {
            fanoutDelay.record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - sourceEpochMillis)));
        }
    }

    public Map<String, Long> disconnectCounts() {
        Map<String, Long> out = new LinkedHashMap<>();
        disconnects.forEach((r, c) -> out.put(r.tag(), (long) c.count()));
        return out;
    }

    public Latency redisPublishMs() {
        return latency(redisPublish);
    }

    public Latency fanoutDelayMs() {
        return latency(fanoutDelay);
    }

    private static Latency latency(Timer timer) {
        double[] v = new double[3];
        for (ValueAtPercentile p : timer.takeSnapshot().percentileValues()) {
            int i = p.percentile() == 0.5 ? 0 : p.percentile() == 0.95 ? 1 : 2;
            v[i] = p.value(TimeUnit.MILLISECONDS);
        }
        return new Latency(round(v[0]), round(v[1]), round(v[2]), timer.count());
    }

    private static double round(double ms) {
        return Math.round(ms * 1000) / 1000.0;
    }

    /** Milliseconds; {@code count} is every sample since start (the percentiles cover the recent window). */
    public record Latency(double p50, double p95, double p99, long count) {
    }
}
