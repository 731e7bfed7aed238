package com.offerpulse.ingest.support;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.offerpulse.platform.sessions.SessionDirectory;
import com.offerpulse.platform.sessions.SessionRecord;

import reactor.core.publisher.Mono;

public class InMemorySessionDirectory implements SessionDirectory {
    private final Map<String, SessionRecord> sessions = new ConcurrentHashMap<>();

    @Override
    public Mono<Optional<SessionRecord>> find(String sessionId) {
        return Mono.just(Optional.ofNullable(sessions.get(sessionId)));
    }

    @Override
    public void remember(SessionRecord record) {
        sessions.put(record.sessionId(), record);
    }

    public void reset() {
        sessions.clear();
    }
}
