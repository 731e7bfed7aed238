package com.offerpulse.query.views;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.offerpulse.contracts.analytics.SessionMeters;
import com.offerpulse.contracts.analytics.SessionSummary;
import com.offerpulse.contracts.analytics.TaggedSentence;
import com.offerpulse.contracts.session.SessionEnded;
import com.offerpulse.contracts.session.SessionStarted;

/**
 * What the read side knows about one round apart from its sentences (store {@value QueryTopology#SESSION_STORE},
 * key = session id): owner, question, role, times, flags, the latest meters and the summary. Every field is bounded
 * (the question and role by ingest, the meters and summary by their contracts), so the record does not grow with the
 * round; the sentences live one per key in {@value QueryTopology#SENTENCE_STORE} ({@link SentenceKeys}).
 * <p>
 * {@code userId} is null until the round's start is seen; a deleted round keeps only its id and {@code deleted}, so
 * late records cannot bring it back.
 * <p>
 * {@code legacySentences}: views written before sentences moved to their own store held them inline under
 * {@code sentences}. They are still decoded and served; the next update of the round moves them to the sentence store
 * ({@link SessionViewProcessor}). New views never write the field.
 */
public record SessionView(String sessionId, String userId, String question, String targetRole, Instant startedAt,
        boolean ended, Instant endedAt, boolean deleted, SessionMeters meters, SessionSummary summary,
        @JsonProperty("sentences") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<TaggedSentence> legacySentences) {

    public SessionView {
        legacySentences = legacySentences == null ? List.of() : List.copyOf(legacySentences);
    }

    public static SessionView empty(String sessionId) {
        return new SessionView(sessionId, null, null, null, null, false, null, false, null, null, List.of());
    }

    public static SessionView tombstone(String sessionId) {
        return new SessionView(sessionId, null, null, null, null, true, null, true, null, null, List.of());
    }

    SessionView started(SessionStarted s) {
        return new SessionView(sessionId, s.userId(), s.question(), s.targetRole(), s.occurredAt(), ended, endedAt,
                false, meters, summary, legacySentences);
    }

    SessionView ended(SessionEnded e) {
        return new SessionView(sessionId, userId == null ? e.userId() : userId, question, targetRole, startedAt, true,
                e.occurredAt(), false, meters, summary, legacySentences);
    }

    /** Keeps the meters with the highest {@code as_of_seq}: an older record never replaces a newer one. */
    SessionView metered(SessionMeters m) {
        SessionMeters latest = meters == null || m.asOfSeq() >= meters.asOfSeq() ? m : meters;
        return new SessionView(sessionId, userId, question, targetRole, startedAt, ended, endedAt, false, latest,
                summary, legacySentences);
    }

    SessionView summarized(SessionSummary s) {
        return new SessionView(sessionId, userId == null ? s.userId() : userId, question, targetRole, startedAt, true,
                endedAt == null ? s.endedAt() : endedAt, false, meters, s, legacySentences);
    }

    SessionView withoutLegacySentences() {
        return new SessionView(sessionId, userId, question, targetRole, startedAt, ended, endedAt, deleted, meters,
                summary, List.of());
    }
}
