package com.offerpulse.loadgen.floors;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.offerpulse.loadgen.measure.LatencyRecorder;
import com.offerpulse.loadgen.measure.LatencySummary;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;

/**
 * Raw Redis pub/sub latency on the Redis the realtime service uses: one Lettuce connection publishes at a steady
 * rate on a scratch channel, another is subscribed; latency = PUBLISH issued → message delivered to the listener.
 * The same client library and connection pattern as realtime-ws, without any room logic.
 */
public final class RedisFloor {
    private final String hostPort;
    private final String runId;

    public RedisFloor(String hostPort, String runId) {
        this.hostPort = hostPort;
        this.runId = runId;
    }

    /** Pub/sub latency and the PUBLISH round trip (what the realtime feed waits for per message). */
    public record Result(LatencySummary publishToReceive, LatencySummary publishRoundTrip, int rate) {
    }

    public Result measure(int rate, int seconds) throws Exception {
        int colon = hostPort.lastIndexOf(':');
        RedisURI uri = RedisURI.create(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
        RedisClient client = RedisClient.create(uri);
        String channel = "loadgen:floor:" + runId;
        LatencyRecorder delivery = new LatencyRecorder();
        LatencyRecorder roundTrip = new LatencyRecorder();
        AtomicLong received = new AtomicLong();
        long total = (long) rate * seconds;
        System.out.printf("floors: Redis pub/sub at %d messages/s for %d s%n", rate, seconds);
        try (StatefulRedisPubSubConnection<String, String> sub = client.connectPubSub();
                StatefulRedisConnection<String, String> pub = client.connect()) {
            sub.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String ch, String message) {
                    delivery.recordNanos(System.nanoTime() - Long.parseLong(message));
                    received.incrementAndGet();
                }
            });
            sub.sync().subscribe(channel);
            long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
            long start = System.nanoTime();
            for (long i = 0; i < total; i++) {
                long wait = start + i * intervalNanos - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                long t0 = System.nanoTime();
                pub.async().publish(channel, Long.toString(t0))
                        .thenRun(() -> roundTrip.recordNanos(System.nanoTime() - t0));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (received.get() < total && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            sub.sync().unsubscribe(channel);
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
        delivery.tick(true);
        roundTrip.tick(true);
        Result r = new Result(delivery.steady(), roundTrip.steady(), rate);
        System.out.printf("floors:   publish -> receive p50 %.2f ms, p99 %.2f ms (%d of %d delivered)%n",
                r.publishToReceive().p50(), r.publishToReceive().p99(), received.get(), total);
        return r;
    }
}
