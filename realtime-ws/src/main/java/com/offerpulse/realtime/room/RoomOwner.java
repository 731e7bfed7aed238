package com.offerpulse.realtime.room;

/** Who a round belongs to, from {@code session.lifecycle.v1}; {@code deleted} rounds are unknown to clients. */
public record RoomOwner(String sessionId, String userId, boolean deleted) {
}
