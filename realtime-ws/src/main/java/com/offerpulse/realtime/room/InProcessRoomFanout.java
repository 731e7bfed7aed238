package com.offerpulse.realtime.room;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import reactor.core.publisher.Mono;

/** Fanout within one process: a publish reaches this instance's subscribers only. */
public final class InProcessRoomFanout implements RoomFanout {
    private final Set<String> subscribed = ConcurrentHashMap.newKeySet();
    private volatile Consumer<RoomMessage> receiver = m -> { };

    @Override
    public void publish(RoomMessage message) {
        if (subscribed.contains(message.sessionId())) {
            receiver.accept(message);
        }
    }

    @Override
    public Mono<Void> subscribe(String sessionId) {
        subscribed.add(sessionId);
        return Mono.empty();
    }

    @Override
    public void unsubscribe(String sessionId) {
        subscribed.remove(sessionId);
    }

    @Override
    public void deliverTo(Consumer<RoomMessage> receiver) {
        this.receiver = receiver;
    }

    @Override
    public String mode() {
        return "in_process";
    }
}
