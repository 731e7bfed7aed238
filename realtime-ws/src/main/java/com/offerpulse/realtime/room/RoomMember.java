package com.offerpulse.realtime.room;

/** A local socket in a room, as {@link LocalRooms} sees it. */
public interface RoomMember {
    String userId();

    /** The viewer invite this socket joined with, or null for the round's owner. */
    default String inviteId() {
        return null;
    }

    /** A live message of the member's room; must not block. */
    void deliver(RoomMessage message);

    /** The server is stopping: close with {@code server_shutdown}. */
    void shutdown();

    /** The room channel's connection to Redis dropped (messages may be lost): close with {@code redis_unavailable}. */
    void fanoutLost();
}
