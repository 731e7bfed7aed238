package com.offerpulse.platform.sessions;

import java.util.Optional;

import reactor.core.publisher.Mono;

/**
 * Session ownership and state, shared by every instance that must check who owns a round (ingest, realtime). The source of truth is
 * {@code session.lifecycle.v1}; an instance only caches what it has read from there.
 */
public interface SessionDirectory {

    /**
     * The round, read-your-writes across instances: a miss waits until this instance has read the topic up to its
     * current end, so a round started through another instance a moment ago is found. Errors with a 503 problem
     * when the topic cannot be read in time.
     */
    Mono<Optional<SessionRecord>> find(String sessionId);

    /** Records a change this instance itself just wrote and Kafka acknowledged. */
    void remember(SessionRecord record);
}
