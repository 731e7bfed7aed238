package com.offerpulse.ingest.sessions;

public record SessionEndAccepted(String sessionId, String status) {
}
