package com.offerpulse.platform.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * At most {@code maxPerOwner} distinct members per owner within a sliding window: e.g. at most 20 different
 * anonymous ids from one client address per hour. A member already admitted stays admitted for the rest of its
 * window (its slot frees one window after it was first seen), so the people already counted keep working; only the
 * next new member beyond the bound is refused, with the time until the oldest slot frees.
 *
 * <p>Bounded memory: members are kept as salted 64-bit hashes (the salt is random per process, so nobody can craft
 * ids that collide with an admitted one), at most {@code maxPerOwner} per owner, and at most {@code maxOwners}
 * owners (least recently used dropped first, O(1)). Per instance, like {@link ClientRateLimiter}.
 */
public final class DistinctKeyLimiter {
    private final int maxPerOwner;
    private final long windowNanos;
    private final int maxOwners;
    private final byte[] salt = new byte[16];
    /** Access-ordered: the first entry is the least recently used owner. Guarded by {@code this}. */
    private final LinkedHashMap<String, Slots> owners = new LinkedHashMap<>(16, 0.75f, true);

    public DistinctKeyLimiter(int maxPerOwner, Duration window, int maxOwners) {
        if (maxPerOwner < 1 || window.isNegative() || window.isZero() || maxOwners < 1) {
            throw new IllegalArgumentException("bounds must be positive");
        }
        this.maxPerOwner = maxPerOwner;
        this.windowNanos = window.toNanos();
        this.maxOwners = maxOwners;
        new SecureRandom().nextBytes(salt);
    }

    /** Empty when {@code member} is (now) admitted for {@code owner}; otherwise how long until a slot frees. */
    public Optional<Duration> admit(String owner, String member, long nowNanos) {
        long id = hash(member);
        synchronized (this) {
            Slots slots = owners.get(owner);
            if (slots == null) {
                if (owners.size() >= maxOwners) {
                    Iterator<Slots> eldest = owners.values().iterator();
                    eldest.next();
                    eldest.remove();
                }
                slots = new Slots(maxPerOwner);
                owners.put(owner, slots);
            }
            return slots.admit(id, nowNanos, windowNanos);
        }
    }

    synchronized int trackedOwners() {
        return owners.size();
    }

    private long hash(String member) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return ByteBuffer.wrap(sha.digest(member.getBytes(StandardCharsets.UTF_8))).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** One owner's admitted members and when each was first seen. */
    private static final class Slots {
        final long[] ids;
        final long[] since;
        int size;

        Slots(int capacity) {
            ids = new long[capacity];
            since = new long[capacity];
        }

        Optional<Duration> admit(long id, long now, long window) {
            int kept = 0;
            for (int i = 0; i < size; i++) {
                if (now - since[i] < window) {
                    ids[kept] = ids[i];
                    since[kept] = since[i];
                    kept++;
                }
            }
            size = kept;
            for (int i = 0; i < size; i++) {
                if (ids[i] == id) {
                    return Optional.empty();
                }
            }
            if (size < ids.length) {
                ids[size] = id;
                since[size] = now;
                size++;
                return Optional.empty();
            }
            long oldest = since[0];
            for (int i = 1; i < size; i++) {
                oldest = Math.min(oldest, since[i]);
            }
            return Optional.of(Duration.ofNanos(Math.max(1_000_000_000L, oldest + window - now)));
        }
    }
}
