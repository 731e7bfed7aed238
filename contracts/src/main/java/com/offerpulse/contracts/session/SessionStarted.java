package com.offerpulse.contracts.session;

import java.time.Instant;

import com.offerpulse.contracts.json.Require;

public record SessionStarted(String eventId, String sessionId, String userId, String question, String targetRole,
        Instant occurredAt) implements SessionLifecycleEvent {

    public static final int MAX_QUESTION_LENGTH = 500;
    public static final int MAX_ROLE_LENGTH = 80;

    public SessionStarted {
        Require.notBlank(eventId, "event_id");
        Require.notBlank(sessionId, "session_id");
        Require.notBlank(userId, "user_id");
        Require.notBlank(question, "question");
        Require.maxLength(question, MAX_QUESTION_LENGTH, "question");
        Require.notBlank(targetRole, "target_role");
        Require.maxLength(targetRole, MAX_ROLE_LENGTH, "target_role");
        Require.present(occurredAt, "occurred_at");
    }
}
