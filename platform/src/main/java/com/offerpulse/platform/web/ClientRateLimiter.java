package com.offerpulse.platform.web;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A token bucket per key (a client address, a user, an anonymous id): {@code burst} requests at once, refilled at
 * {@code perSecond}. Per instance by design: behind N instances a client gets at most N times the rate, which is
 * enough to stop a flood without a shared store on the request path.
 *
 * <p>Bounded memory whatever the keys: at most {@code maxKeys} buckets. When a new key arrives at the cap,
 * the least recently used bucket is dropped (O(1), no sweep a flood could make expensive). A flood of made-up keys can
 * therefore only reset the idlest keys' buckets (a bucket evicted comes back full), never grow the map.
 *
 * <p>Not a bean: each feature that limits a route builds its own from its own settings (product events in ingest,
 * public share views in query, sign-ins in platform), so the launcher, which runs them all, has no two beans of one
 * type to tell apart.
 */
public final class ClientRateLimiter {
    /** The default cap on tracked keys: about 100 bytes each, so ~10 MB at worst. */
    public static final int MAX_CLIENTS = 100_000;

    private final double perSecond;
    private final int burst;
    private final int maxKeys;
    /** Access-ordered: the first entry is the least recently used. Guarded by {@code this}. */
    private final LinkedHashMap<String, Bucket> buckets = new LinkedHashMap<>(16, 0.75f, true);

    public ClientRateLimiter(double perSecond, int burst) {
        this(perSecond, burst, MAX_CLIENTS);
    }

    public ClientRateLimiter(double perSecond, int burst, int maxKeys) {
        if (perSecond <= 0 || burst < 1 || maxKeys < 1) {
            throw new IllegalArgumentException("rate must be positive, burst and max keys at least 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.maxKeys = maxKeys;
    }

    /** {@code perMinute} requests a minute, all of them allowed at once. */
    public static ClientRateLimiter perMinute(int perMinute, int maxKeys) {
        return new ClientRateLimiter(perMinute / 60.0, perMinute, maxKeys);
    }

    /** Empty when allowed (and counted); otherwise how long until the next request would be. */
    public synchronized Optional<Duration> tryAcquire(String key, long nowNanos) {
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            makeRoom(nowNanos);
            bucket = new Bucket(burst, nowNanos);
            buckets.put(key, bucket);
        }
        bucket.refill(nowNanos);
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return Optional.empty();
        }
        return Optional.of(waitFor(1 - bucket.tokens));
    }

    /**
     * Takes {@code permits} tokens at once (a cost, e.g. characters) when the bucket holds them; otherwise takes
     * nothing and says how long until it would. A cost above the burst can never be paid: callers bound it first.
     */
    public synchronized Optional<Duration> tryAcquire(String key, double permits, long nowNanos) {
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            makeRoom(nowNanos);
            bucket = new Bucket(burst, nowNanos);
            buckets.put(key, bucket);
        }
        bucket.refill(nowNanos);
        if (bucket.tokens >= permits) {
            bucket.tokens -= permits;
            return Optional.empty();
        }
        return Optional.of(waitFor(permits - bucket.tokens));
    }

    /** Like {@link #tryAcquire} but takes nothing: how long until a request would be allowed. */
    public synchronized Optional<Duration> peek(String key, long nowNanos) {
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            return Optional.empty();
        }
        bucket.refill(nowNanos);
        return bucket.tokens >= 1 ? Optional.empty() : Optional.of(waitFor(1 - bucket.tokens));
    }

    synchronized int trackedClients() {
        return buckets.size();
    }

    private Duration waitFor(double tokens) {
        return Duration.ofMillis((long) Math.ceil(tokens / perSecond * 1000));
    }

    private void makeRoom(long nowNanos) {
        if (buckets.size() < maxKeys) {
            return;
        }
        // O(1): the least recently used bucket is the idlest; it comes back full if its key returns.
        Iterator<Map.Entry<String, Bucket>> eldest = buckets.entrySet().iterator();
        eldest.next();
        eldest.remove();
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
            lastNanos = Math.max(lastNanos, nowNanos);
        }
    }
}
