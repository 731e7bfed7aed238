package com.offerpulse.platform.sessions;

/** What the ingest API knows of a round: who owns it and whether it still takes segments. */
public record SessionRecord(String sessionId, String userId, SessionStatus status) {
    public SessionRecord withStatus(SessionStatus newStatus) {
        return new SessionRecord(sessionId, userId, newStatus);
    }
}
