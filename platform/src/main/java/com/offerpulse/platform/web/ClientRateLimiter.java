package com.offerpulse.platform.web;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client: {@code burst} requests at once, refilled at {@code perSecond}. Per instance by design:
 * behind N instances a client gets at most N times the rate, which is enough to stop a flood without a shared store
 * on the request path. The map is bounded: idle (full) buckets are dropped when it grows large.
 *
 * <p>Not a bean: each feature that limits a route builds its own from its own settings (product events in ingest,
 * public share views in query), so the launcher, which runs both, has no two beans of one type to tell apart.
 */
public final class ClientRateLimiter {
    static final int MAX_CLIENTS = 100_000;

    private final double perSecond;
    private final int burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public ClientRateLimiter(double perSecond, int burst) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate must be positive and burst at least 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
    }

    /** Empty when allowed; otherwise how long until the next request would be. */
    public Optional<Duration> tryAcquire(String client, long nowNanos) {
        if (buckets.size() > MAX_CLIENTS) {
            buckets.entrySet().removeIf(e -> e.getValue().isFull(nowNanos));
        }
        Bucket bucket = buckets.computeIfAbsent(client, k -> new Bucket(burst, nowNanos));
        synchronized (bucket) {
            bucket.refill(nowNanos);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Optional.empty();
            }
            double seconds = (1 - bucket.tokens) / perSecond;
            return Optional.of(Duration.ofMillis((long) Math.ceil(seconds * 1000)));
        }
    }

    int trackedClients() {
        return buckets.size();
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
