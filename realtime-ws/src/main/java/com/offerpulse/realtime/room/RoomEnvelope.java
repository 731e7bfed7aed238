package com.offerpulse.realtime.room;

import com.offerpulse.contracts.json.JsonCodec;

/**
 * The one spelling of a room message on the wire: {@code {"type","session_id","seq","epoch","ts","data"}}. Java
 * encodes everything it knows before the store runs ({@link #head} and {@link #tail}, the data already encoded by
 * Jackson); the store only slots in the two values it assigns, the seq (an integer) and the epoch (a UUID it made),
 * so no store ever parses, re-encodes or concatenates client data into JSON of its own.
 */
public final class RoomEnvelope {
    private RoomEnvelope() {
    }

    /** {@code {"type":"meters","session_id":"s_1","seq":} */
    public static String head(String type, String sessionId) {
        return "{\"type\":" + JsonCodec.mapper().writeValueAsString(type) + ",\"session_id\":"
                + JsonCodec.mapper().writeValueAsString(sessionId) + ",\"seq\":";
    }

    /** {@code ,"ts":123,"data":{...}}} */
    public static String tail(long ts, String dataJson) {
        return ",\"ts\":" + ts + ",\"data\":" + dataJson + "}";
    }

    /** The whole message; the Redis append script does exactly this concatenation. */
    public static String join(String head, long seq, String epoch, String tail) {
        return head + seq + ",\"epoch\":\"" + epoch + "\"" + tail;
    }
}
