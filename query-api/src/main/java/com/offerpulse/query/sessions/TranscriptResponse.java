package com.offerpulse.query.sessions;

import java.util.List;

import com.offerpulse.contracts.analytics.TaggedSentence;

/** {@code GET /api/sessions/{id}/transcript}: tagged sentences so far, with weak spans and hints. */
public record TranscriptResponse(String sessionId, String question, boolean ended, List<TaggedSentence> sentences) {
}
