package com.offerpulse.ingest.sessions;

public record SessionCreated(String sessionId) {
}
