package com.offerpulse.loadgen.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoomMessagesTest {
    // The envelope as realtime-ws writes it (RedisRoomStore / InMemoryRoomStore), data as JsonCodec writes meters.
    private static final String METERS = "{\"type\":\"meters\",\"session_id\":\"s_1\",\"seq\":42,\"epoch\":\"e1\","
            + "\"ts\":1764190000000,\"data\":{\"as_of_seq\":17,\"confidence_stability\":61,\"credibility\":55,"
            + "\"hints\":[],\"impact_strength\":40,\"risk_drift\":12,\"session_id\":\"s_1\",\"source_timestamp\":"
            + "\"2026-11-26T22:00:00Z\",\"star_structure\":48}}";

    @Test
    void shouldReadTypeRoomSeqAndAsOfSeqOfAMetersMessage() {
        assertThat(RoomMessages.type(METERS)).isEqualTo("meters");
        assertThat(RoomMessages.roomSeq(METERS)).isEqualTo(42);
        assertThat(RoomMessages.asOfSeq(METERS)).isEqualTo(17);
    }

    @Test
    void shouldReadAnIngestAck() {
        String ack = "{\"type\":\"ack\",\"ref\":\"9\",\"accepted\":1,\"last_seq\":9}";

        assertThat(RoomMessages.type(ack)).isEqualTo("ack");
        assertThat(RoomMessages.lastSeq(ack)).isEqualTo(9);
    }

    @Test
    void shouldAnswerMinusOneOrEmptyWhenAFieldIsMissing() {
        String end = "{\"type\":\"session_end\",\"session_id\":\"s_1\",\"seq\":50,\"data\":{\"reason\":\"client\"}}";

        assertThat(RoomMessages.asOfSeq(end)).isEqualTo(-1);
        assertThat(RoomMessages.lastSeq("{}")).isEqualTo(-1);
        assertThat(RoomMessages.type("{}")).isEmpty();
    }
}
