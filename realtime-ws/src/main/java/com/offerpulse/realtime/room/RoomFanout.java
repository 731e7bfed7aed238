package com.offerpulse.realtime.room;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import reactor.core.publisher.Mono;

/**
 * The seam between rooms and cross-instance delivery: whoever appended a message publishes it on the room's
 * channel ({@code room:{sessionId}}); every instance subscribes to exactly the rooms it has local clients in.
 */
public interface RoomFanout {

    /** Publishes a stored message to every subscribed instance (this one included). Blocking. */
    void publish(RoomMessage message);

    /**
     * {@link #publish} for many messages, in list order; reports each one's publish latency (nanoseconds) to
     * {@code latencies}. Blocking until every one was published; a fanout may pipeline them.
     */
    default void publishAll(List<RoomMessage> messages, LongConsumer latencies) {
        for (RoomMessage m : messages) {
            long t0 = System.nanoTime();
            publish(m);
            latencies.accept(System.nanoTime() - t0);
        }
    }

    /** Starts receiving the room's messages; completes once the subscription is active. */
    Mono<Void> subscribe(String sessionId);

    void unsubscribe(String sessionId);

    /** Where received messages go; set once, by {@link LocalRooms}. */
    void deliverTo(Consumer<RoomMessage> receiver);

    /** {@code redis} or {@code in_process}, for /api/system/metrics. */
    String mode();

    /**
     * What to run when the subscription connection drops (messages published meanwhile are lost for this
     * instance); set once, by {@link LocalRooms}. In-process fanout never loses its channel.
     */
    default void whenLost(Runnable onLost) {
    }
}
