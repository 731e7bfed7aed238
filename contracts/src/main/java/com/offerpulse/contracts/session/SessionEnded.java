package com.offerpulse.contracts.session;

import java.time.Instant;

import com.offerpulse.contracts.json.Require;

public record SessionEnded(String eventId, String sessionId, String userId, EndReason reason, Instant occurredAt)
        implements SessionLifecycleEvent {

    public SessionEnded {
        Require.notBlank(eventId, "event_id");
        Require.notBlank(sessionId, "session_id");
        Require.notBlank(userId, "user_id");
        Require.present(reason, "reason");
        Require.present(occurredAt, "occurred_at");
    }
}
