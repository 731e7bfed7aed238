package com.offerpulse.realtime.metrics;

import java.util.Locale;

/** Why a room socket ended (or was refused); each is a {@code offerpulse.realtime.disconnects} counter tag. */
public enum CloseReason {
    /** The client closed the socket, or the connection dropped. */
    CLIENT_CLOSED,
    /** Nothing (not even a pong) arrived within the idle timeout. */
    IDLE_TIMEOUT,
    /** The send queue stayed full after coalescing meters. */
    SLOW_CONSUMER,
    /** Handshake refused: no/invalid token (401) or another user's round (403). */
    AUTH_FAILED,
    /** Handshake refused (429) or socket closed because a per-room or per-user cap was reached. */
    ROOM_FULL,
    /** This instance is shutting down. */
    SERVER_SHUTDOWN,
    /** Room state or pub/sub could not be reached when the socket joined, or the pub/sub connection dropped. */
    REDIS_UNAVAILABLE,
    /** The client sent a message above the inbound cap (closed with 1009). */
    MESSAGE_TOO_BIG,
    /** The viewer's invite was revoked by the round's owner (closed with 1008). */
    INVITE_REVOKED;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
