package com.offerpulse.realtime.support;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;

/** A throwaway {@link RedisServer} with one Lettuce connection to it, for tests that run scenarios against Redis. */
public final class RedisConnection implements AutoCloseable {
    private final RedisServer server;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    private RedisConnection(RedisServer server, RedisClient client, StatefulRedisConnection<String, String> connection) {
        this.server = server;
        this.client = client;
        this.connection = connection;
    }

    public static RedisConnection start() throws Exception {
        RedisServer server = RedisServer.start();
        RedisClient client = RedisClient.create(server.uri());
        return new RedisConnection(server, client, client.connect());
    }

    public StatefulRedisConnection<String, String> connection() {
        return connection;
    }

    /** A new pub/sub connection to the same server (closed by the caller). */
    public StatefulRedisPubSubConnection<String, String> pubSub() {
        return client.connectPubSub();
    }

    @Override
    public void close() throws Exception {
        connection.close();
        client.shutdown();
        server.close();
    }
}
