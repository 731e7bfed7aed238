package com.offerpulse.realtime.room;

import java.util.regex.Pattern;

/**
 * Redis names of a room. Keys carry the session id as a hash tag ({@code room:{s_1}:seq}) so a room's keys live in
 * one Redis Cluster slot and one script can touch them all; the pub/sub channel is {@code room:s_1}.
 */
public final class RoomKeys {
    /** The session ids rooms accept; the store writes them into JSON unescaped, so nothing else gets through. */
    public static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private RoomKeys() {
    }

    public static String channel(String sessionId) {
        return "room:" + sessionId;
    }

    public static String sessionOfChannel(String channel) {
        return channel.substring("room:".length());
    }

    public static String key(String sessionId, String part) {
        return "room:{" + sessionId + "}:" + part;
    }

    /**
     * seq, epoch, history, sentences, parts, and the snapshot key of the version before issue 12 (never written any
     * more; its presence marks a room in the old shape): the order the store's scripts expect them in.
     */
    static String[] all(String sessionId) {
        return new String[] {key(sessionId, "seq"), key(sessionId, "epoch"), key(sessionId, "history"),
                key(sessionId, "sentences"), key(sessionId, "parts"), key(sessionId, "snapshot")};
    }
}
