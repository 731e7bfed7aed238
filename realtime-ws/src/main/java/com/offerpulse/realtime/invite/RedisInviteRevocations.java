package com.offerpulse.realtime.invite;

import java.time.Duration;

import com.offerpulse.realtime.room.RoomKeys;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import reactor.core.publisher.Mono;

/**
 * Revocations in a Redis set per round, {@code room:{id}:revoked-invites}, expiring one invite TTL after the last
 * revocation (every invite it names has expired by then). One script, so the bound and the TTL are never skipped.
 */
public final class RedisInviteRevocations implements InviteRevocations {
    // KEYS: set; ARGV: inviteId maxPerRound ttlSeconds
    static final String REVOKE = """
            if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 then return 1 end
            if redis.call('SCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
            redis.call('SADD', KEYS[1], ARGV[1])
            redis.call('EXPIRE', KEYS[1], ARGV[3])
            return 1
            """;

    private final StatefulRedisConnection<String, String> connection;

    public RedisInviteRevocations(StatefulRedisConnection<String, String> connection) {
        this.connection = connection;
    }

    static String key(String sessionId) {
        return RoomKeys.key(sessionId, "revoked-invites");
    }

    @Override
    public Mono<Boolean> revoke(String sessionId, String inviteId, Duration ttl, int maxPerRound) {
        return connection.reactive().<Long>eval(REVOKE, ScriptOutputType.INTEGER, new String[] {key(sessionId)},
                inviteId, Integer.toString(maxPerRound), Long.toString(Math.max(1, ttl.toSeconds())))
                .next().map(n -> n == 1L);
    }

    @Override
    public Mono<Boolean> isRevoked(String sessionId, String inviteId) {
        return connection.reactive().sismember(key(sessionId), inviteId);
    }
}
