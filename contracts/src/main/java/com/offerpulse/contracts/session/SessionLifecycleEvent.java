package com.offerpulse.contracts.session;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Events on {@code session.lifecycle.v1}, keyed by session id; the {@code type} field tells them apart. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = SessionStarted.class, name = "session_started"),
        @JsonSubTypes.Type(value = SessionEnded.class, name = "session_ended"),
        @JsonSubTypes.Type(value = SessionDeleted.class, name = "session_deleted")
})
public sealed interface SessionLifecycleEvent permits SessionStarted, SessionEnded, SessionDeleted {
    String eventId();

    String sessionId();

    String userId();

    Instant occurredAt();
}
