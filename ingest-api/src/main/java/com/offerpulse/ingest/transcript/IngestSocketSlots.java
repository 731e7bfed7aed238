package com.offerpulse.ingest.transcript;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.stereotype.Component;

import com.offerpulse.ingest.IngestSettings;

/**
 * Open ingest sockets per user on this instance ({@code maxSocketsPerUser}). A slot is taken at the handshake and
 * given back exactly once when the socket ends (or when the upgrade never happened). The map holds only users with an
 * open socket, so it is bounded by the open connections themselves.
 */
@Component
class IngestSocketSlots {
    private final int maxPerUser;
    private final Map<String, Integer> open = new ConcurrentHashMap<>();

    IngestSocketSlots(IngestSettings settings) {
        this.maxPerUser = settings.maxSocketsPerUser();
    }

    /** A slot for this user, or null when they already hold the most allowed. */
    Slot tryTake(String userId) {
        boolean[] taken = {false};
        open.compute(userId, (k, n) -> {
            int held = n == null ? 0 : n;
            if (held >= maxPerUser) {
                return n;
            }
            taken[0] = true;
            return held + 1;
        });
        return taken[0] ? new Slot(userId) : null;
    }

    int openFor(String userId) {
        return open.getOrDefault(userId, 0);
    }

    /** One held socket slot; {@link #release()} is idempotent. */
    final class Slot {
        private final String userId;
        private final AtomicBoolean released = new AtomicBoolean();
        private final AtomicBoolean inUse = new AtomicBoolean();

        private Slot(String userId) {
            this.userId = userId;
        }

        /** The socket handler owns the slot from here on and releases it when the socket ends. */
        void handOver() {
            inUse.set(true);
        }

        boolean handedOver() {
            return inUse.get();
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                open.computeIfPresent(userId, (k, n) -> n <= 1 ? null : n - 1);
            }
        }
    }
}
