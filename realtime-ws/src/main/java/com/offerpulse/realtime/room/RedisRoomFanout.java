package com.offerpulse.realtime.room;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import reactor.core.publisher.Mono;

/**
 * Redis pub/sub over Lettuce: one publishing connection, one subscribing connection per instance (Lettuce
 * re-subscribes after a reconnect). Subscribe/unsubscribe commands go out on one connection in call order, so a
 * room re-joined right after its last client left ends up subscribed.
 */
public final class RedisRoomFanout implements RoomFanout {
    private static final Logger log = LoggerFactory.getLogger(RedisRoomFanout.class);
    private final StatefulRedisConnection<String, String> publisher;
    private final StatefulRedisPubSubConnection<String, String> subscriber;
    private volatile Consumer<RoomMessage> receiver = m -> { };
    private volatile Runnable onLost = () -> { };

    public RedisRoomFanout(StatefulRedisConnection<String, String> publisher,
            StatefulRedisPubSubConnection<String, String> subscriber) {
        this.publisher = publisher;
        this.subscriber = subscriber;
        subscriber.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                try {
                    receiver.accept(RoomMessage.parse(message));
                } catch (RuntimeException e) {
                    log.warn("Dropping malformed message on {}: {}", channel, e.getMessage());
                }
            }
        });
    }

    @Override
    public void publish(RoomMessage message) {
        publisher.sync().publish(RoomKeys.channel(message.sessionId()), message.json());
    }

    /** Pipelined: every PUBLISH goes out at once, then all are awaited (one round trip for the batch). */
    @Override
    public void publishAll(List<RoomMessage> messages, LongConsumer latencies) {
        long t0 = System.nanoTime();
        List<RedisFuture<Long>> pending = new ArrayList<>(messages.size());
        for (RoomMessage m : messages) {
            RedisFuture<Long> f = publisher.async().publish(RoomKeys.channel(m.sessionId()), m.json());
            f.thenRun(() -> latencies.accept(System.nanoTime() - t0));
            pending.add(f);
        }
        if (!LettuceFutures.awaitAll(publisher.getTimeout().toNanos(), TimeUnit.NANOSECONDS,
                pending.toArray(RedisFuture[]::new))) {
            throw new RedisCommandTimeoutException("Room publish timed out");
        }
    }

    @Override
    public Mono<Void> subscribe(String sessionId) {
        return Mono.fromCompletionStage(subscriber.async().subscribe(RoomKeys.channel(sessionId))).then();
    }

    @Override
    public void unsubscribe(String sessionId) {
        subscriber.async().unsubscribe(RoomKeys.channel(sessionId));
    }

    @Override
    public void deliverTo(Consumer<RoomMessage> receiver) {
        this.receiver = receiver;
    }

    @Override
    public void whenLost(Runnable onLost) {
        this.onLost = onLost;
    }

    /** The subscribing connection dropped: Lettuce will reconnect and resubscribe, but what was published is gone. */
    void lost() {
        onLost.run();
    }

    @Override
    public String mode() {
        return "redis";
    }
}
