package com.offerpulse.realtime.room;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

/**
 * The same rules as {@link RedisRoomStore}, in this process only: for a single instance without Redis (the embedded
 * default) and for tests. A restart starts every room over with a new epoch. A room untouched for the room TTL is
 * forgotten (as its Redis keys would expire), so memory follows the rounds of the last TTL, not every round ever.
 */
public final class InMemoryRoomStore implements RoomStore {
    private final RoomBounds bounds;
    private final Clock clock;
    private final Map<String, Room> rooms = new ConcurrentHashMap<>();
    private volatile Instant nextSweep;

    public InMemoryRoomStore(RoomBounds bounds, Clock clock) {
        this.bounds = bounds;
        this.clock = clock;
        this.nextSweep = clock.instant();
    }

    private Room room(String sessionId) {
        sweep();
        return rooms.computeIfAbsent(sessionId, id -> new Room(UUID.randomUUID().toString()));
    }

    /** Drops rooms idle for the TTL; runs at most every tenth of the TTL, so appends stay O(1) on average. */
    private void sweep() {
        Instant now = clock.instant();
        if (now.isBefore(nextSweep)) {
            return;
        }
        Duration ttl = Duration.ofSeconds(bounds.ttlSeconds());
        nextSweep = now.plus(ttl.dividedBy(10));
        Instant cutoff = now.minus(ttl);
        rooms.values().removeIf(r -> r.touched.isBefore(cutoff));
    }

    int roomCount() {
        sweep();
        return rooms.size();
    }

    @Override
    public Optional<RoomMessage> append(String sessionId, String type, String dataJson, long dedupeKey, long sourceTs) {
        Room r = room(sessionId);
        synchronized (r) {
            switch (type) {
                case RoomMessage.METERS -> {
                    if (r.metersAsOf != null && r.metersAsOf > dedupeKey) {
                        return Optional.empty();
                    }
                }
                case RoomMessage.SENTENCE -> {
                    if (r.sentences.containsKey(dedupeKey) || r.sentences.size() >= bounds.maxSentences()) {
                        return Optional.empty();
                    }
                }
                case RoomMessage.SESSION_END -> {
                    if (r.ended != null) {
                        return Optional.empty();
                    }
                }
                default -> throw new IllegalArgumentException("unknown room message type " + type);
            }
            long seq = ++r.seq;
            String json = RoomEnvelope.join(RoomEnvelope.head(type, sessionId), seq, r.epoch,
                    RoomEnvelope.tail(sourceTs, dataJson));
            RoomMessage m = new RoomMessage(type, sessionId, seq, r.epoch, sourceTs, json);
            switch (type) {
                case RoomMessage.METERS -> {
                    r.meters = json;
                    r.metersAsOf = dedupeKey;
                }
                case RoomMessage.SENTENCE -> r.sentences.put(dedupeKey, json);
                default -> r.ended = json;
            }
            r.history.addLast(m);
            while (r.history.size() > bounds.historySize()) {
                r.history.removeFirst();
            }
            r.touched = clock.instant();
            return Optional.of(m);
        }
    }

    @Override
    public Mono<RoomState> read(String sessionId, Long afterSeq) {
        Room r = room(sessionId);
        synchronized (r) {
            List<RoomMessage> history = new ArrayList<>();
            if (afterSeq != null) {
                r.history.stream().filter(m -> m.seq() > afterSeq).forEach(history::add);
            }
            return Mono.just(new RoomState(r.epoch, r.seq, r.meters, List.copyOf(r.sentences.values()), r.ended,
                    history));
        }
    }

    private final class Room {
        final String epoch;
        long seq;
        String meters;
        Long metersAsOf;
        String ended;
        final TreeMap<Long, String> sentences = new TreeMap<>();
        final Deque<RoomMessage> history = new ArrayDeque<>();
        volatile Instant touched = clock.instant();

        Room(String epoch) {
            this.epoch = epoch;
        }
    }
}
