package com.offerpulse.realtime.room;

import java.util.List;

/**
 * A room as stored: its epoch, last assigned seq, snapshot ({@code {"seq","epoch","meters","sentences","ended"}}
 * JSON, null before the first message) and, when asked for, the history messages after a given seq, oldest first.
 */
public record RoomState(String epoch, long seq, String snapshotJson, List<RoomMessage> history) {
}
