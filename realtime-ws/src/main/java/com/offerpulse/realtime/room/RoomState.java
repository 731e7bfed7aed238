package com.offerpulse.realtime.room;

import java.util.List;

/**
 * A room as stored, read when someone joins: its epoch, last assigned seq, the latest meters message and the
 * session_end message (each the stored wire JSON, null when none yet), the sentence messages in index order and,
 * when asked for, the history messages after a given seq, oldest first. The snapshot a client gets is assembled
 * from these pieces at join time ({@code RoomSocketHandler.snapshot}), never kept up to date on every message.
 */
public record RoomState(String epoch, long seq, String meters, List<String> sentences, String ended,
        List<RoomMessage> history) {
    public RoomState {
        sentences = List.copyOf(sentences);
        history = List.copyOf(history);
    }
}
