package com.offerpulse.ingest.events;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import com.offerpulse.ingest.IngestSettings;

/**
 * A token bucket per client: {@code events-burst} at once, refilled at {@code events-per-second}. Per instance by
 * design: behind N instances a client gets at most N times the rate, which is enough to stop a flood without a
 * shared store on the write path. The map is bounded: idle buckets are dropped when it grows large.
 */
@Component
class ClientRateLimiter {
    private static final int MAX_CLIENTS = 100_000;

    private final double perSecond;
    private final int burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    ClientRateLimiter(IngestSettings settings) {
        this.perSecond = settings.eventsPerSecond();
        this.burst = settings.eventsBurst();
    }

    /** Empty when allowed; otherwise how long until the next event would be. */
    java.util.Optional<Duration> tryAcquire(String client, long nowNanos) {
        if (buckets.size() > MAX_CLIENTS) {
            buckets.entrySet().removeIf(e -> e.getValue().isFull(nowNanos));
        }
        Bucket bucket = buckets.computeIfAbsent(client, k -> new Bucket(burst, nowNanos));
        synchronized (bucket) {
            bucket.refill(nowNanos);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return java.util.Optional.empty();
            }
            double seconds = (1 - bucket.tokens) / perSecond;
            return java.util.Optional.of(Duration.ofMillis((long) Math.ceil(seconds * 1000)));
        }
    }

    private final class Bucket {
        double tokens;
        long lastNanos;

        Bucket(double tokens, long nowNanos) {
            this.tokens = tokens;
            this.lastNanos = nowNanos;
        }

        void refill(long nowNanos) {
            double elapsed = Math.max(0, nowNanos - lastNanos) / 1e9;
            tokens = Math.min(burst, tokens + elapsed * perSecond);
            lastNanos = nowNanos;
        }

        synchronized boolean isFull(long nowNanos) {
            refill(nowNanos);
            return tokens >= burst;
        }
    }
}
