package com.offerpulse.realtime.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.realtime.room.RoomMessage;

import reactor.test.StepVerifier;

class OutboxTest {
    private static RoomMessage msg(String type, long seq) {
        String json = "{\"type\":\"" + type + "\",\"session_id\":\"s\",\"seq\":" + seq
                + ",\"epoch\":\"e\",\"ts\":0,\"data\":{}}";
        return RoomMessage.parse(json);
    }

    @Test
    void shouldReplaceAnUnsentMetersWithTheNewerOneAndListTheSkippedSeq() {
        Outbox box = new Outbox(10, () -> { });
        box.start(List.of(), "e", 0);
        box.live(msg("meters", 1));
        box.live(msg("sentence", 2));
        box.live(msg("meters", 3));
        box.live(msg("meters", 4));

        StepVerifier.create(box.flux().map(m -> JsonCodec.mapper().readTree(m.json())), 2)
                .assertNext(n -> assertThat(n.get("seq").asLong()).isEqualTo(2))
                .assertNext(n -> {
                    assertThat(n.get("seq").asLong()).isEqualTo(4);
                    assertThat(n.get("superseded").toString()).isEqualTo("[1,3]");
                })
                .thenCancel().verify();
    }

    @Test
    void shouldDropLiveMessagesTheInitialStateAlreadyCoversAndKeepOrder() {
        Outbox box = new Outbox(10, () -> { });
        box.live(msg("sentence", 5));
        box.live(msg("sentence", 6));
        box.start(List.of(msg("snapshot", 5)), "e", 5);
        box.live(msg("sentence", 6));
        box.live(msg("sentence", 7));
        StepVerifier.create(box.flux().map(RoomMessage::seq), 3)
                .expectNext(5L, 6L, 7L).thenCancel().verify();
    }

    @Test
    void shouldCallOverflowWhenAClientCannotKeepUpEvenAfterCoalescing() {
        AtomicInteger overflows = new AtomicInteger();
        Outbox box = new Outbox(3, overflows::incrementAndGet);
        box.start(List.of(), "e", 0);
        for (long seq = 1; seq <= 10; seq++) {
            box.live(msg("meters", seq));
        }
        assertThat(overflows).as("meters alone never overflow: they coalesce").hasValue(0);
        assertThat(box.queued()).isEqualTo(1);
        for (long seq = 11; seq <= 14; seq++) {
            box.live(msg("sentence", seq));
        }
        assertThat(overflows).hasValue(1);
    }
}
