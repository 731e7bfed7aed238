package com.offerpulse.contracts.session;

import java.time.Instant;

import com.offerpulse.contracts.json.Require;

/** The owner deleted the round: every derived view drops it. */
public record SessionDeleted(String eventId, String sessionId, String userId, Instant occurredAt)
        implements SessionLifecycleEvent {

    public SessionDeleted {
        Require.notBlank(eventId, "event_id");
        Require.notBlank(sessionId, "session_id");
        Require.notBlank(userId, "user_id");
        Require.present(occurredAt, "occurred_at");
    }
}
