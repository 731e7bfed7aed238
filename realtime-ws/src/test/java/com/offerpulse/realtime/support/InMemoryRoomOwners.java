package com.offerpulse.realtime.support;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.offerpulse.realtime.room.RoomOwner;
import com.offerpulse.realtime.room.RoomOwners;

import reactor.core.publisher.Mono;

public class InMemoryRoomOwners implements RoomOwners {
    private final Map<String, RoomOwner> owners = new ConcurrentHashMap<>();

    @Override
    public Mono<Optional<RoomOwner>> find(String sessionId) {
        return Mono.just(Optional.ofNullable(owners.get(sessionId)));
    }

    public void own(String sessionId, String userId) {
        owners.put(sessionId, new RoomOwner(sessionId, userId, false));
    }
}
