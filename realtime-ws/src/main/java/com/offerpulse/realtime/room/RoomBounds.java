package com.offerpulse.realtime.room;

import com.offerpulse.realtime.RealtimeSettings;

/**
 * What a room store keeps at most: {@code historySize} history messages (exact MAXLEN), {@code maxSentences}
 * sentences (one beyond is dropped, as the stream processor drops them), and every piece expires {@code ttlSeconds}
 * after the room's last message.
 */
public record RoomBounds(int historySize, int maxSentences, long ttlSeconds) {
    public static RoomBounds of(RealtimeSettings s) {
        return new RoomBounds(s.historySize(), s.maxSentencesPerRoom(), s.roomTtl().toSeconds());
    }
}
