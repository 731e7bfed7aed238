package com.offerpulse.realtime.room;

import java.util.Optional;

import reactor.core.publisher.Mono;

/** Round ownership as this instance knows it from {@code session.lifecycle.v1}. */
public interface RoomOwners {
    /**
     * The round's owner; a miss waits until this instance has read the lifecycle topic up to its current end, so a
     * round started a moment ago is found. Errors with a 503 problem when the topic cannot be read in time.
     */
    Mono<Optional<RoomOwner>> find(String sessionId);
}
