package com.offerpulse.realtime.invite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.offerpulse.realtime.support.RedisConnection;

import io.lettuce.core.api.StatefulRedisConnection;

/** Revocations behave the same in Redis (shared by every instance) and in process. */
class InviteRevocationsContractTest {
    private static final Duration TTL = Duration.ofHours(2);
    private static RedisConnection redis;
    private static StatefulRedisConnection<String, String> connection;

    @BeforeAll
    static void startRedis() throws Exception {
        redis = RedisConnection.start();
        connection = redis.connection();
    }

    @AfterAll
    static void stopRedis() throws Exception {
        redis.close();
    }

    static Stream<InviteRevocations> stores() {
        return Stream.of(new InMemoryInviteRevocations(Clock.systemUTC()), new RedisInviteRevocations(connection));
    }

    private static boolean revoke(InviteRevocations r, String round, String id) {
        return r.revoke(round, id, TTL, 2).block(Duration.ofSeconds(5));
    }

    private static boolean revoked(InviteRevocations r, String round, String id) {
        return r.isRevoked(round, id).block(Duration.ofSeconds(5));
    }

    @ParameterizedTest
    @MethodSource("stores")
    void shouldRevokePerRoundIdempotentlyUpToTheBound(InviteRevocations r) {
        String round = "s_rev_" + System.nanoTime();
        assertThat(revoked(r, round, "i1")).isFalse();
        assertThat(revoke(r, round, "i1")).isTrue();
        assertThat(revoke(r, round, "i1")).isTrue();
        assertThat(revoked(r, round, "i1")).isTrue();
        assertThat(revoked(r, "s_other_" + System.nanoTime(), "i1")).isFalse();
        assertThat(revoke(r, round, "i2")).isTrue();
        assertThat(revoke(r, round, "i3")).isFalse();
        assertThat(revoked(r, round, "i3")).isFalse();
        assertThat(revoke(r, round, "i2")).isTrue();
    }

    @Test
    void shouldExpireTheRedisRevocationsWithTheInviteTtl() {
        String round = "s_rev_ttl_" + System.nanoTime();
        revoke(new RedisInviteRevocations(connection), round, "i1");
        assertThat(connection.sync().ttl(RedisInviteRevocations.key(round))).isBetween(TTL.toSeconds() - 5,
                TTL.toSeconds());
    }
}
