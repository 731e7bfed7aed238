package com.offerpulse.realtime.metrics;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
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
    static final String FEED_LAG_RECORDS = "offerpulse.realtime.feed.lag.records";
    static final String FEED_LAG_AGE = "offerpulse.realtime.feed.lag.age";
    private static final double[] PERCENTILES = {0.5, 0.95, 0.99};

    private final Map<CloseReason, Counter> disconnects = new EnumMap<>(CloseReason.class);
    private final Timer redisPublish;
    private final Timer fanoutDelay;
    private final AtomicLong feedLagRecords = new AtomicLong();
    private final AtomicLong feedLagMillis = new AtomicLong();

    RealtimeMetrics(MeterRegistry registry) {
        for (CloseReason r : CloseReason.values()) {
            disconnects.put(r, Counter.builder(DISCONNECTS).tag("reason", r.tag())
                    .description("Room sockets closed or refused, by reason").register(registry));
        }
        redisPublish = Timer.builder(REDIS_PUBLISH).publishPercentiles(PERCENTILES)
                .description("Round trip of one room message's append + PUBLISH (Redis), from its poll's start").register(registry);
        fanoutDelay = Timer.builder(FANOUT_DELAY).publishPercentiles(PERCENTILES)
                .description("Source timestamp of a room message to its hand-off to a socket")
                .register(registry);
        Gauge.builder(FEED_LAG_RECORDS, feedLagRecords, AtomicLong::get)
                .description("Records the room feed has yet to read on its partitions (log end minus position)")
                .register(registry);
        Gauge.builder(FEED_LAG_AGE, feedLagMillis, AtomicLong::get).baseUnit("milliseconds")
                .description("Age of the last record the room feed processed while records were behind; 0 when "
                        + "caught up")
                .register(registry);
    }

    /** After each poll: records behind the log end, and how old the last processed one was (0 when caught up). */
    public void feedLag(long recordsBehind, long lastRecordAgeMillis) {
        feedLagRecords.set(recordsBehind);
        feedLagMillis.set(recordsBehind == 0 ? 0 : Math.max(0, lastRecordAgeMillis));
    }

    public FeedLag feedLag() {
        return new FeedLag(feedLagRecords.get(), feedLagMillis.get());
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

    /** The room feed's lag: records behind the log end, and the age of the last one processed (0 when caught up). */
    public record FeedLag(long records, long ageMs) {
    }

    /** Milliseconds; {@code count} is every sample since start (the percentiles cover the recent window). */
    public record Latency(double p50, double p95, double p99, long count) {
    }
}
