package com.offerpulse.contracts.transcript;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.offerpulse.contracts.json.ContractViolation;
import com.offerpulse.contracts.json.Require;

/**
 * One raw speech segment on {@code transcript.segments.v1}, keyed by session id. {@code (sessionId, seq)}
 * identifies it: a re-sent segment carries the same pair and is dropped downstream.
 */
public record TranscriptSegment(
        String eventId,
        String sessionId,
        String userId,
        @JsonProperty(required = true) long seq,
        Speaker speaker,
        String text,
        @JsonProperty(required = true) long startMs,
        @JsonProperty(required = true) long endMs,
        @JsonProperty(value = "final", required = true) boolean finalSegment,
        Instant occurredAt) {

    public static final int MAX_TEXT_LENGTH = 2_000;

    public TranscriptSegment {
        Require.notBlank(eventId, "event_id");
        Require.notBlank(sessionId, "session_id");
        Require.notBlank(userId, "user_id");
        Require.notNegative(seq, "seq");
        Require.present(speaker, "speaker");
        Require.present(text, "text");
        Require.maxLength(text, MAX_TEXT_LENGTH, "text");
        Require.notNegative(startMs, "start_ms");
        if (endMs < startMs) {
            throw new ContractViolation("end_ms", "must not be before start_ms");
        }
        Require.present(occurredAt, "occurred_at");
    }

    /** The idempotency id: the same for every re-delivery of this segment. */
    public static String eventIdOf(String sessionId, long seq) {
        return sessionId + ":" + seq;
    }
}
