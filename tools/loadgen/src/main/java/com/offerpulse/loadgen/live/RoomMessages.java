package com.offerpulse.loadgen.live;

/**
 * Reads the few fields the load generator needs from a room or ingest-socket message without building a JSON tree:
 * the client shares the machine's two cores with the server, so every microsecond spent here is taken from the
 * platform being measured. The server writes compact JSON (no spaces), which is what this relies on.
 */
public final class RoomMessages {
    private RoomMessages() {
    }

    /**
     * The top-level {@code "type"}: {@code snapshot}, {@code meters}, {@code sentence}, {@code session_end} on room
     * sockets; {@code ack}, {@code error} on the ingest socket.
     */
    public static String type(String json) {
        return string(json, "\"type\":\"");
    }

    /** The room message's {@code seq} (per room), or -1. */
    public static long roomSeq(String json) {
        return number(json, "\"seq\":");
    }

    /** A meters message's {@code data.as_of_seq} (the segment seq it is current as of), or -1. */
    public static long asOfSeq(String json) {
        return number(json, "\"as_of_seq\":");
    }

    /** An ingest ack's {@code last_seq}, or -1. */
    public static long lastSeq(String json) {
        return number(json, "\"last_seq\":");
    }

    static String string(String json, String prefix) {
        int i = json.indexOf(prefix);
        if (i < 0) {
            return "";
        }
        int start = i + prefix.length();
        int end = json.indexOf('"', start);
        return end < 0 ? "" : json.substring(start, end);
    }

    static long number(String json, String prefix) {
        int i = json.indexOf(prefix);
        if (i < 0) {
            return -1;
        }
        int p = i + prefix.length();
        long value = 0;
        boolean digits = false;
        while (p < json.length() && Character.isDigit(json.charAt(p))) {
            value = value * 10 + (json.charAt(p) - '0');
            p++;
            digits = true;
        }
        return digits ? value : -1;
    }
}
