package com.offerpulse.query.views;

import java.time.Instant;
import java.util.List;

import com.offerpulse.contracts.analytics.SessionMeters;
import com.offerpulse.contracts.analytics.SessionSummary;
import com.offerpulse.contracts.analytics.TaggedSentence;

/**
 * Everything the read side knows about one round (store {@value QueryTopology#SESSION_STORE}, key = session id).
 * {@code userId} is null until the round's start is seen; a deleted round keeps only its id and {@code deleted},
 * so late records cannot bring it back.
 */
public record SessionView(String sessionId, String userId, String question, String targetRole, Instant startedAt,
        boolean ended, Instant endedAt, boolean deleted, List<TaggedSentence> sentences, SessionMeters meters,
        SessionSummary summary) {

    public SessionView {
        sentences = sentences == null ? List.of() : List.copyOf(sentences);
    }

    public static SessionView empty(String sessionId) {
        return new SessionView(sessionId, null, null, null, null, false, null, false, List.of(), null, null);
    }

    public static SessionView tombstone(String sessionId) {
        return new SessionView(sessionId, null, null, null, null, true, null, true, List.of(), null, null);
    }
}
