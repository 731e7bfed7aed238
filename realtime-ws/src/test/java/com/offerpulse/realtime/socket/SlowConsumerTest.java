package com.offerpulse.realtime.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.offerpulse.realtime.metrics.RealtimeMetrics;
import com.offerpulse.realtime.room.RoomFanout;
import com.offerpulse.realtime.room.RoomMessage;
import com.offerpulse.realtime.support.RealtimeWebTestBase;
import com.offerpulse.realtime.support.SocketClient;
import com.offerpulse.testsupport.auth.TestTokens;

import tools.jackson.databind.JsonNode;

/** One room, two sockets: the one that stops reading is closed as slow_consumer, the other gets every message. */
@TestPropertySource(properties = {"offerpulse.realtime.send-queue=4", "offerpulse.realtime.idle-timeout=60s",
        "offerpulse.realtime.max-connections-per-user=4"})
class SlowConsumerTest extends RealtimeWebTestBase {
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** 32 KiB per message: a few hundred fill any loopback socket buffers, so the stalled socket's queue fills. */
    private static final String BIG = "x".repeat(32 * 1024);
    private static final int MESSAGES = 1500;

    @Autowired
    RoomFanout fanout;
    @Autowired
    RealtimeMetrics metrics;

    @Test
    void shouldCloseTheClientThatNeverReadsWhileTheOtherKeepsReceivingEveryMessage() throws Exception {
        String room = roundOf(ALICE);
        long slowBefore = metrics.disconnectCounts().get("slow_consumer");
        String token = TestTokens.forUser(ALICE);
        try (SocketClient stalled = SocketClient.connectWithoutReading(port, room, token, null);
                SocketClient reader = SocketClient.connect(port, room, token, null)) {
            JsonNode snapshot = reader.next(WAIT);
            stalled.next(WAIT);
            String epoch = snapshot.get("epoch").asString();
            long seq = snapshot.get("seq").asLong();
            // Sentences are never coalesced (only meters are), so the stalled socket's queue must overflow.
            for (int i = 1; i <= MESSAGES; i++) {
                long s = seq + i;
                String json = "{\"type\":\"sentence\",\"session_id\":\"" + room + "\",\"seq\":" + s + ",\"epoch\":\""
                        + epoch + "\",\"ts\":" + System.currentTimeMillis() + ",\"data\":{\"index\":" + i
                        + ",\"text\":\"" + BIG + "\"}}";
                fanout.publish(RoomMessage.parse(json));
                JsonNode got = reader.next(WAIT);
                assertThat(got.get("seq").asLong()).as("reader gets every message in order").isEqualTo(s);
            }
            Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(
                    metrics.disconnectCounts().get("slow_consumer")).isEqualTo(slowBefore + 1));
            assertThat(reader.closed).isNotDone();
            assertThat(reader.received).hasSize(MESSAGES + 1);
            assertThat(stalled.received).hasSize(1);
        }
    }
}
