package com.offerpulse.realtime.room;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

/**
 * The same rules as {@link RedisRoomStore}, in this process only: for a single instance without Redis (the embedded
 * default) and for tests. A restart starts every room over with a new epoch. Rooms are never evicted here (one
 * process, bounded by the rounds it sees while running).
 */
public final class InMemoryRoomStore implements RoomStore {
    private final int historySize;
    private final Map<String, Room> rooms = new ConcurrentHashMap<>();

    public InMemoryRoomStore(int historySize) {
        this.historySize = historySize;
    }

    private Room room(String sessionId) {
        return rooms.computeIfAbsent(sessionId, id -> new Room(UUID.randomUUID().toString()));
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
                    r.meters = dataJson;
                    r.metersAsOf = dedupeKey;
                }
                case RoomMessage.SENTENCE -> {
                    if (!r.sentenceIndexes.add(dedupeKey)) {
                        return Optional.empty();
                    }
                    r.sentences.add(dataJson);
                }
                case RoomMessage.SESSION_END -> {
                    if (r.ended != null) {
                        return Optional.empty();
                    }
                    r.ended = dataJson;
                }
                default -> throw new IllegalArgumentException("unknown room message type " + type);
            }
            long seq = ++r.seq;
            String json = "{\"type\":\"" + type + "\",\"session_id\":\"" + sessionId + "\",\"seq\":" + seq
                    + ",\"epoch\":\"" + r.epoch + "\",\"ts\":" + sourceTs + ",\"data\":" + dataJson + "}";
            RoomMessage m = new RoomMessage(type, sessionId, seq, r.epoch, sourceTs, json);
            r.history.addLast(m);
            while (r.history.size() > historySize) {
                r.history.removeFirst();
            }
            return Optional.of(m);
        }
    }

    @Override
    public Mono<RoomState> read(String sessionId, Long afterSeq) {
        Room r = room(sessionId);
        synchronized (r) {
            String snapshot = r.seq == 0 ? null
                    : "{\"seq\":" + r.seq + ",\"epoch\":\"" + r.epoch + "\",\"meters\":"
                            + (r.meters == null ? "null" : r.meters) + ",\"sentences\":["
                            + String.join(",", r.sentences) + "],\"ended\":" + (r.ended == null ? "null" : r.ended)
                            + "}";
            List<RoomMessage> history = new ArrayList<>();
            if (afterSeq != null) {
                r.history.stream().filter(m -> m.seq() > afterSeq).forEach(history::add);
            }
            return Mono.just(new RoomState(r.epoch, r.seq, snapshot, history));
        }
    }

    private static final class Room {
        final String epoch;
        long seq;
        String meters;
        Long metersAsOf;
        String ended;
        final List<String> sentences = new ArrayList<>();
        final Set<Long> sentenceIndexes = new HashSet<>();
        final Deque<RoomMessage> history = new ArrayDeque<>();

        Room(String epoch) {
            this.epoch = epoch;
        }
    }
}
