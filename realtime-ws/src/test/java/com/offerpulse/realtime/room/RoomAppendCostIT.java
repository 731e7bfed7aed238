package com.offerpulse.realtime.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.offerpulse.realtime.support.RedisServer;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * An append costs the same in a full room as in an empty one (issue 12: the old script rebuilt the whole snapshot on
 * every message). 1,000 meters appends + publishes, 50 per poll, into an empty room and into a room holding 400
 * sentences of 2 KB; docs/PERFORMANCE.md records the figures this prints (before: 106 ms vs 5,767 ms).
 */
class RoomAppendCostIT {
    private static final int POLLS = 20;
    private static final int PER_POLL = 50;

    @Test
    void shouldAppendToAFullRoomAsFastAsToAnEmptyOne() throws Exception {
        try (RedisServer redis = RedisServer.start()) {
            RedisClient client = RedisClient.create(redis.uri());
            try (StatefulRedisConnection<String, String> c = client.connect()) {
                RedisRoomStore store = new RedisRoomStore(c, new RoomBounds(500, 400, 3600), true, n -> { });
                String sentence = "{\"text\":\"" + "word ".repeat(400) + "\"}";
                List<RoomAppend> fill = new ArrayList<>();
                for (int i = 0; i < 400; i++) {
                    fill.add(new RoomAppend("s_big", RoomMessage.SENTENCE, sentence, i, 1));
                }
                assertThat(store.appendAll(fill).failure()).isNull();
                long run = 0;
                long[] best = {Long.MAX_VALUE, Long.MAX_VALUE};
                for (int round = 0; round < 3; round++) {
                    for (int which = 0; which < 2; which++) {
                        String room = which == 0 ? "s_empty" : "s_big";
                        run++;
                        long t0 = System.nanoTime();
                        for (int poll = 0; poll < POLLS; poll++) {
                            List<RoomAppend> a = new ArrayList<>();
                            for (int i = 0; i < PER_POLL; i++) {
                                a.add(new RoomAppend(room, RoomMessage.METERS, "{\"x\":" + i + "}",
                                        run * 10_000 + poll * PER_POLL + i, 1));
                            }
                            AppendResult r = store.appendAll(a);
                            assertThat(r.failure()).isNull();
                            assertThat(r.stored()).allMatch(java.util.Optional::isPresent);
                        }
                        best[which] = Math.min(best[which], (System.nanoTime() - t0) / 1_000_000);
                    }
                }
                System.out.printf("BENCH 1000 appends+publishes in %d polls: empty room %d ms, 400x2KB room %d ms%n",
                        POLLS, best[0], best[1]);
                // Generous for a busy two-core machine; the old snapshot-rebuilding script was about 50 times slower.
                assertThat(best[1]).isLessThan(3 * best[0] + 100);
            }
            client.shutdown();
        }
    }
}
