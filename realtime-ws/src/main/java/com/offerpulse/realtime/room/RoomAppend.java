package com.offerpulse.realtime.room;

/**
 * A message to append to a room: its type, its data JSON, the key the store recognises duplicates by (meters:
 * {@code as_of_seq}, sentence: index) and its source time in epoch milliseconds.
 */
public record RoomAppend(String sessionId, String type, String data, long dedupeKey, long sourceTs) {
}
