package com.offerpulse.realtime.room;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import reactor.core.publisher.Mono;

/**
 * Per-room state shared by every instance: the seq counter, the epoch, the pieces a join snapshot is assembled from
 * (latest meters, sentences by index, the end) and a capped history. Redis in production ({@link RedisRoomStore});
 * in memory when rooms live in one process ({@link InMemoryRoomStore}). Both follow the same rules, pinned by
 * {@code RoomStoreContractTest}.
 *
 * <p>An append costs the same whatever the room holds: it stores one piece and one history entry, never rebuilds a
 * snapshot (the join does that, {@link #read}).
 */
public interface RoomStore {

    /**
     * Assigns the next seq, stores the message's piece and appends it to the history, atomically. Blocking (called
     * on the Kafka feed thread).
     *
     * @param dedupeKey meters: {@code as_of_seq} (an older one than the stored one is dropped); sentence: its index
     *                  (a second one with the same index is dropped, and so is one beyond the room's sentence bound);
     *                  session_end: ignored (only the first counts)
     * @return the message as sent to clients, or empty when it was dropped
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
     * True when an append also published the message on the room's channel (Redis: the append script PUBLISHes, so
     * store + publish is one round trip); false when the caller must hand stored messages to the fanout.
     */
    default boolean publishes() {
        return false;
    }

    /**
     * The room's epoch (created when absent), seq and snapshot pieces; with {@code afterSeq} also the history
     * messages with a greater seq that the store still holds.
     */
    Mono<RoomState> read(String sessionId, Long afterSeq);
}
