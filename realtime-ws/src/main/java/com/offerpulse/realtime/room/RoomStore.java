package com.offerpulse.realtime.room;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import reactor.core.publisher.Mono;

/**
 * Per-room state shared by every instance: the seq counter, the epoch, the latest snapshot and a capped history.
 * Redis in production ({@link RedisRoomStore}); in memory when rooms live in one process.
 */
public interface RoomStore {

    /**
     * Assigns the next seq, appends the message to the history and folds it into the snapshot, atomically.
     * Blocking (called on the Kafka feed thread).
     *
     * @param dedupeKey meters: {@code as_of_seq} (an older one than the snapshot's is dropped); sentence: its index
     *                  (a second one with the same index is dropped); session_end: ignored (only the first counts)
     * @return the message as sent to clients, or empty when it was a duplicate
     */
    Optional<RoomMessage> append(String sessionId, String type, String dataJson, long dedupeKey, long sourceTs);

    /**
     * {@link #append} for many messages, applied in list order (so each room's seqs follow that order). Blocking.
     * A store may pipeline them (Redis: one round trip for the batch instead of one per message); it stops at the
     * first failure and says how far it got.
     */
    default AppendResult appendAll(List<RoomAppend> appends) {
        List<Optional<RoomMessage>> stored = new ArrayList<>(appends.size());
        for (RoomAppend a : appends) {
            try {
                stored.add(append(a.sessionId(), a.type(), a.data(), a.dedupeKey(), a.sourceTs()));
            } catch (RuntimeException e) {
                return new AppendResult(stored, e);
            }
        }
        return new AppendResult(stored, null);
    }

    /**
     * The room's epoch (created when absent), seq and snapshot; with {@code afterSeq} also the history messages
     * with a greater seq that the store still holds.
     */
    Mono<RoomState> read(String sessionId, Long afterSeq);
}
