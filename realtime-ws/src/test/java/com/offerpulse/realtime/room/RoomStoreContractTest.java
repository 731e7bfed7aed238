package com.offerpulse.realtime.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.offerpulse.realtime.support.RedisConnection;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;

/**
 * The same scenarios against {@link InMemoryRoomStore} and {@link RedisRoomStore} (a throwaway redis-server): both
 * must assign the same seqs, drop the same duplicates, keep the same bounds and hand out the same snapshot pieces,
 * so the embedded default and a Redis deployment behave alike.
 */
class RoomStoreContractTest {
    private static final RoomBounds BOUNDS = new RoomBounds(10, 3, 3600);
    private static RedisConnection redis;
    private static StatefulRedisConnection<String, String> connection;

    /** One backend: its store, and a way to make it lose every room (Redis flushed, process restarted). */
    interface Backend {
        RoomStore store();

        void loseEverything();
    }

    static final class Memory implements Backend {
        private RoomStore store = new InMemoryRoomStore(BOUNDS, Clock.systemUTC());

        public RoomStore store() {
            return store;
        }

        public void loseEverything() {
            store = new InMemoryRoomStore(BOUNDS, Clock.systemUTC());
        }

        @Override
        public String toString() {
            return "in-memory";
        }
    }

    static final class Redis implements Backend {
        private final RoomStore store = new RedisRoomStore(connection, BOUNDS, true, n -> { });

        public RoomStore store() {
            return store;
        }

        public void loseEverything() {
            connection.sync().flushall();
        }

        @Override
        public String toString() {
            return "redis";
        }
    }

    @BeforeAll
    static void startRedis() throws Exception {
        redis = RedisConnection.start();
        connection = redis.connection();
    }

    @AfterAll
    static void stopRedis() throws Exception {
        redis.close();
    }

    static Stream<Backend> backends() {
        return Stream.of(new Memory(), new Redis());
    }

    private static String room() {
        return "s_contract_" + System.nanoTime();
    }

    private static RoomState read(RoomStore store, String room, Long after) {
        return store.read(room, after).block(Duration.ofSeconds(5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void shouldAssignSeqsInOrderAndWriteTheEnvelopeOnce(Backend b) {
        String room = room();
        RoomStore s = b.store();
        RoomMessage m1 = s.append(room, RoomMessage.METERS, "{\"as_of_seq\":1}", 1, 1000).orElseThrow();
        RoomMessage m2 = s.append(room, RoomMessage.SENTENCE, "{\"index\":0,\"text\":\"\\\"hi\\\" }\"}", 0, 1001)
                .orElseThrow();
        RoomMessage m3 = s.append(room, RoomMessage.SESSION_END, "{\"reason\":\"USER\"}", 0, 1002).orElseThrow();

        assertThat(List.of(m1.seq(), m2.seq(), m3.seq())).containsExactly(1L, 2L, 3L);
        String epoch = m1.epoch();
        assertThat(m3.epoch()).isEqualTo(epoch);
        assertThat(m2.json()).isEqualTo("{\"type\":\"sentence\",\"session_id\":\"" + room + "\",\"seq\":2,\"epoch\":\""
                + epoch + "\",\"ts\":1001,\"data\":{\"index\":0,\"text\":\"\\\"hi\\\" }\"}}");
        assertThat(RoomMessage.parse(m2.json())).isEqualTo(m2);

        RoomState state = read(s, room, null);
        assertThat(state.epoch()).isEqualTo(epoch);
        assertThat(state.seq()).isEqualTo(3);
        assertThat(state.meters()).isEqualTo(m1.json());
        assertThat(state.sentences()).containsExactly(m2.json());
        assertThat(state.ended()).isEqualTo(m3.json());
        assertThat(state.history()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void shouldDropOlderMetersRepeatedSentencesAndASecondEnd(Backend b) {
        String room = room();
        RoomStore s = b.store();
        assertThat(s.append(room, RoomMessage.METERS, "{\"a\":5}", 5, 1)).isPresent();
        assertThat(s.append(room, RoomMessage.METERS, "{\"a\":3}", 3, 1)).isEmpty();
        assertThat(s.append(room, RoomMessage.METERS, "{\"a\":5}", 5, 1)).isPresent();
        assertThat(s.append(room, RoomMessage.SENTENCE, "{\"i\":2}", 2, 1)).isPresent();
        assertThat(s.append(room, RoomMessage.SENTENCE, "{\"i\":0}", 0, 1)).isPresent();
        assertThat(s.append(room, RoomMessage.SENTENCE, "{\"i\":2}", 2, 1)).isEmpty();
        assertThat(s.append(room, RoomMessage.SESSION_END, "{\"e\":1}", 0, 1)).isPresent();
        assertThat(s.append(room, RoomMessage.SESSION_END, "{\"e\":2}", 0, 1)).isEmpty();

        RoomState state = read(s, room, null);
        assertThat(state.seq()).isEqualTo(5);
        assertThat(RoomMessage.parse(state.meters()).seq()).isEqualTo(2);
        assertThat(state.sentences()).extracting(j -> RoomMessage.parse(j).seq()).containsExactly(4L, 3L);
        assertThat(state.ended()).contains("{\"e\":1}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void shouldKeepAtMostTheHistoryAndSentenceBounds(Backend b) {
        String room = room();
        RoomStore s = b.store();
        List<RoomAppend> batch = new ArrayList<>();
        for (int i = 1; i <= 15; i++) {
            batch.add(new RoomAppend(room, RoomMessage.METERS, "{\"n\":" + i + "}", i, i));
        }
        for (int i = 0; i < 5; i++) {
            batch.add(new RoomAppend(room, RoomMessage.SENTENCE, "{\"i\":" + i + "}", i, i));
        }
        AppendResult r = s.appendAll(batch);
        assertThat(r.failure()).isNull();
        // The sentence bound (3) cuts the fourth and fifth: not stored, not sent, no seq.
        assertThat(r.stored()).hasSize(20);
        assertThat(r.stored().subList(18, 20)).allMatch(Optional::isEmpty);

        RoomState state = read(s, room, 0L);
        assertThat(state.seq()).isEqualTo(18);
        assertThat(state.history()).extracting(RoomMessage::seq)
                .containsExactly(9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L);
        assertThat(state.sentences()).hasSize(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void shouldHandOutTheHistoryAfterASeq(Backend b) {
        String room = room();
        RoomStore s = b.store();
        for (int i = 1; i <= 4; i++) {
            s.append(room, RoomMessage.METERS, "{\"n\":" + i + "}", i, i);
        }
        assertThat(read(s, room, 2L).history()).extracting(RoomMessage::seq).containsExactly(3L, 4L);
        assertThat(read(s, room, 4L).history()).isEmpty();
        assertThat(read(s, room, 2L).history().get(0).json()).contains("{\"n\":3}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void shouldStartANewEpochWhenTheStoreLostTheRoom(Backend b) {
        String room = room();
        String before = b.store().append(room, RoomMessage.METERS, "{}", 1, 1).orElseThrow().epoch();
        b.loseEverything();

        RoomState fresh = read(b.store(), room, null);
        assertThat(fresh.epoch()).isNotEqualTo(before);
        assertThat(fresh.seq()).isZero();
        assertThat(fresh.meters()).isNull();
        assertThat(fresh.sentences()).isEmpty();
        RoomMessage next = b.store().append(room, RoomMessage.METERS, "{}", 1, 1).orElseThrow();
        assertThat(next.seq()).isEqualTo(1);
        assertThat(next.epoch()).isEqualTo(fresh.epoch());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void shouldAnswerAnEmptyRoomWithAnEpochAndNothingElse(Backend b) {
        RoomState state = read(b.store(), room(), 0L);
        assertThat(state.epoch()).isNotBlank();
        assertThat(state.seq()).isZero();
        assertThat(state.meters()).isNull();
        assertThat(state.ended()).isNull();
        assertThat(state.sentences()).isEmpty();
        assertThat(state.history()).isEmpty();
    }

    @Test
    void shouldStartARoomLeftInThePreviousShapeOverInANewEpoch() {
        String room = room();
        // What the version before issue 12 left: a snapshot key, sentences as a list, raw data in parts.
        connection.sync().set("room:{" + room + "}:epoch", "old-epoch");
        connection.sync().set("room:{" + room + "}:seq", "7");
        connection.sync().set("room:{" + room + "}:snapshot", "{}");
        connection.sync().rpush("room:{" + room + "}:sentences", "{\"index\":0}");
        connection.sync().hset("room:{" + room + "}:parts", "meters", "{\"as_of_seq\":3}");
        RoomStore s = new Redis().store();

        RoomMessage m = s.append(room, RoomMessage.SENTENCE, "{\"i\":0}", 0, 1).orElseThrow();

        assertThat(m.epoch()).isNotEqualTo("old-epoch");
        assertThat(m.seq()).isEqualTo(1);
        RoomState state = read(s, room, null);
        assertThat(state.meters()).isNull();
        assertThat(state.sentences()).containsExactly(m.json());
        assertThat(connection.sync().exists("room:{" + room + "}:snapshot")).isZero();
    }

    @Test
    void shouldGiveEveryRedisKeyOfARoomATtl() {
        String room = room();
        RoomStore s = new Redis().store();
        s.append(room, RoomMessage.METERS, "{}", 1, 1);
        s.append(room, RoomMessage.SENTENCE, "{}", 0, 1);
        s.append(room, RoomMessage.SESSION_END, "{}", 0, 1);
        List<String> keys = connection.sync().keys("room:{" + room + "}:*");
        assertThat(keys).hasSize(5);
        for (String k : keys) {
            assertThat(connection.sync().ttl(k)).as(k).isBetween(1L, BOUNDS.ttlSeconds());
        }
    }

    @Test
    void shouldPublishFromTheAppendScriptInTheSameRoundTrip() throws Exception {
        String room = room();
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        try (StatefulRedisPubSubConnection<String, String> sub = redis.pubSub()) {
            sub.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    received.add(channel + " " + message);
                }
            });
            sub.sync().subscribe(RoomKeys.channel(room));
            RoomStore s = new Redis().store();
            assertThat(s.publishes()).isTrue();
            RoomMessage m = s.append(room, RoomMessage.METERS, "{}", 1, 1).orElseThrow();
            assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("room:" + room + " " + m.json());
            s.append(room, RoomMessage.METERS, "{}", 0, 1); // dropped: older as_of_seq, so nothing is published
            RoomMessage m3 = s.append(room, RoomMessage.METERS, "{}", 2, 1).orElseThrow();
            assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("room:" + room + " " + m3.json());
        }
    }

    @Test
    void shouldForgetAnInMemoryRoomIdleForTheTtl() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
        Clock clock = new Clock() {
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            public Instant instant() {
                return now.get();
            }
        };
        InMemoryRoomStore s = new InMemoryRoomStore(BOUNDS, clock);
        String epoch = s.append("s_idle", RoomMessage.METERS, "{}", 1, 1).orElseThrow().epoch();
        now.set(now.get().plusSeconds(BOUNDS.ttlSeconds() - 1));
        s.append("s_busy", RoomMessage.METERS, "{}", 1, 1);
        assertThat(s.roomCount()).isEqualTo(2);
        // Rooms are swept at most every tenth of the TTL: gone within TTL + TTL/10 of their last message.
        now.set(now.get().plusSeconds(BOUNDS.ttlSeconds() / 10 + 2));
        assertThat(s.roomCount()).isEqualTo(1);
        assertThat(s.read("s_idle", null).block().epoch()).isNotEqualTo(epoch);
    }
}
