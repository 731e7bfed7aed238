package com.offerpulse.realtime.room;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.offerpulse.platform.kafka.KafkaSettings;
import com.offerpulse.platform.sessions.SessionDirectory;
import com.offerpulse.realtime.RealtimeSettings;
import com.offerpulse.realtime.invite.InMemoryInviteRevocations;
import com.offerpulse.realtime.invite.InviteRevocations;
import com.offerpulse.realtime.invite.RedisInviteRevocations;
import com.offerpulse.realtime.metrics.RealtimeMetrics;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import reactor.core.publisher.Mono;

/**
 * Picks the room backends once, at start: Redis store + Redis pub/sub when {@code offerpulse.realtime.redis-uri}
 * answers; otherwise (with {@code redis-fallback=true}) in-memory store + in-process fanout, logged once.
 */
@Configuration(proxyBeanMethods = false)
class RoomBackendsConfiguration {
    private static final Logger log = LoggerFactory.getLogger(RoomBackendsConfiguration.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** A PING slower than this counts as no answer: health must answer quickly even when Redis hangs. */
    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(1);

    /** The Redis connections, or none: the one place that decides which mode this instance runs in. */
    record RedisLink(RedisClient client, StatefulRedisConnection<String, String> commands,
            StatefulRedisPubSubConnection<String, String> pubSub) implements AutoCloseable {
        boolean present() {
            return client != null;
        }

        @Override
        public void close() {
            if (client != null) {
                pubSub.close();
                commands.close();
                client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            }
        }
    }

    @Bean(destroyMethod = "close")
    RedisLink realtimeRedisLink(RealtimeSettings settings) {
        RedisURI uri = RedisURI.create(settings.redisUri());
        uri.setTimeout(CONNECT_TIMEOUT);
        RedisClient client = RedisClient.create(uri);
        try {
            StatefulRedisConnection<String, String> commands = client.connect();
            StatefulRedisPubSubConnection<String, String> pubSub = client.connectPubSub();
            log.info("Rooms fan out through Redis at {}", redacted(settings.redisUri()));
            return new RedisLink(client, commands, pubSub);
        } catch (RuntimeException e) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
            if (!settings.redisFallback()) {
                throw new IllegalStateException("No Redis at " + redacted(settings.redisUri())
                        + " and offerpulse.realtime.redis-fallback=false", e);
            }
            log.warn("No Redis at {}: rooms fan out in-process only", redacted(settings.redisUri()));
            return new RedisLink(null, null, null);
        }
    }

    /** With Redis the store's append script also publishes (one round trip), so the fanout only subscribes. */
    @Bean
    RoomStore realtimeRoomStore(RedisLink redis, RealtimeSettings settings, RealtimeMetrics metrics, Clock clock) {
        return redis.present()
                ? new RedisRoomStore(redis.commands(), RoomBounds.of(settings), true, metrics::recordPublish)
                : new InMemoryRoomStore(RoomBounds.of(settings), clock);
    }

    @Bean
    RoomFanout realtimeRoomFanout(RedisLink redis) {
        if (!redis.present()) {
            return new InProcessRoomFanout();
        }
        RedisRoomFanout fanout = new RedisRoomFanout(redis.commands(), redis.pubSub());
        redis.client().addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
                if (connection == redis.pubSub()) {
                    fanout.lost();
                }
            }
        });
        return fanout;
    }

    /** Revoked invites live where room state lives: Redis (every instance sees them) or this process. */
    @Bean
    InviteRevocations realtimeInviteRevocations(RedisLink redis, Clock clock) {
        return redis.present() ? new RedisInviteRevocations(redis.commands()) : new InMemoryInviteRevocations(clock);
    }

    /**
     * Health contributor {@code rooms}: DOWN when rooms run on Redis and Redis does not answer a PING within
     * {@link #HEALTH_TIMEOUT} or the pub/sub connection is closed; UP (mode in_process) when rooms are in-process.
     * Meant for the readiness group: an instance whose rooms cannot reach Redis should get no new sockets.
     */
    @Bean
    ReactiveHealthIndicator roomsHealthIndicator(RedisLink redis) {
        return () -> {
            if (!redis.present()) {
                return Mono.just(Health.up().withDetail("mode", "in_process").build());
            }
            if (!redis.pubSub().isOpen()) {
                return Mono.just(Health.down().withDetail("mode", "redis")
                        .withDetail("error", "pub/sub connection closed").build());
            }
            return redis.commands().reactive().ping().timeout(HEALTH_TIMEOUT)
                    .map(pong -> Health.up().withDetail("mode", "redis").build())
                    .onErrorResume(e -> Mono.just(Health.down().withDetail("mode", "redis")
                            .withDetail("error", e.getClass().getSimpleName()).build()));
        };
    }

    @Bean
    RoomOwners realtimeRoomOwners(SessionDirectory sessionDirectory) {
        return new DirectoryRoomOwners(sessionDirectory);
    }

    /** {@code redis://:secret@host} → {@code redis://host}: the URI may carry a password. */
    static String redacted(String uri) {
        return uri.replaceFirst("//[^@/]*@", "//");
    }
}
