package com.offerpulse.realtime.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import com.offerpulse.realtime.support.RedisServer;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;

/** The {@code rooms} health indicator follows Redis: UP while it answers, DOWN once it is gone. */
class RoomsHealthTest {
    private static Health health(RoomBackendsConfiguration.RedisLink link) {
        return new RoomBackendsConfiguration().roomsHealthIndicator(link).health().block(Duration.ofSeconds(10));
    }

    @Test
    void shouldBeUpInProcessWithoutRedis() {
        Health h = health(new RoomBackendsConfiguration.RedisLink(null, null, null));
        assertThat(h.getStatus()).isEqualTo(Status.UP);
        assertThat(h.getDetails()).containsEntry("mode", "in_process");
    }

    @Test
    void shouldGoDownWhenRedisStopsAnswering() throws Exception {
        RedisServer redis = RedisServer.start();
        RedisURI uri = RedisURI.create(redis.uri());
        uri.setTimeout(Duration.ofSeconds(1));
        RedisClient client = RedisClient.create(uri);
        try (RoomBackendsConfiguration.RedisLink link = new RoomBackendsConfiguration.RedisLink(client,
                client.connect(), client.connectPubSub())) {
            assertThat(health(link).getStatus()).isEqualTo(Status.UP);
            redis.close();
            Health down = health(link);
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(down.getDetails()).containsEntry("mode", "redis");
        } finally {
            redis.close();
        }
    }
}
