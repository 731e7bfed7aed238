package com.offerpulse.realtime.room;

import java.util.ArrayList;
import java.util.List;

import com.offerpulse.contracts.json.JsonCodec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One room message as it goes on the wire ({@code json}), with the envelope fields the server needs parsed out:
 * {@code {"type","session_id","seq","epoch","ts","data"}}. {@code ts} is the source time in epoch milliseconds
 * (the meters' source timestamp, else the Kafka record timestamp), from which fanout delay is measured.
 */
public record RoomMessage(String type, String sessionId, long seq, String epoch, long ts, String json) {
    public static final String METERS = "meters";
    public static final String SENTENCE = "sentence";
    public static final String SESSION_END = "session_end";
    public static final String SNAPSHOT = "snapshot";

    public static RoomMessage parse(String json) {
        JsonNode n = JsonCodec.mapper().readTree(json);
        return new RoomMessage(n.get("type").asString(), n.get("session_id").asString(), n.get("seq").asLong(),
                n.get("epoch").asString(), n.path("ts").asLong(0), json);
    }

    /** This meters message, marked as replacing the given older, never-sent ones (their seqs are skipped). */
    public RoomMessage superseding(RoomMessage older) {
        ObjectNode n = (ObjectNode) JsonCodec.mapper().readTree(json);
        List<Long> seqs = new ArrayList<>();
        JsonNode previous = JsonCodec.mapper().readTree(older.json()).path("superseded");
        previous.forEach(s -> seqs.add(s.asLong()));
        seqs.add(older.seq());
        ArrayNode arr = n.putArray("superseded");
        seqs.forEach(arr::add);
        return new RoomMessage(type, sessionId, seq, epoch, ts, JsonCodec.mapper().writeValueAsString(n));
    }
}
