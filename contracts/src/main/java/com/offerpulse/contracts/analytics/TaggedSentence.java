package com.offerpulse.contracts.analytics;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.offerpulse.contracts.json.Require;

/**
 * One candidate sentence on {@code transcript.sentences.v1}, keyed by session id. {@code seq} is the segment
 * that completed the sentence, {@code index} its position in the round (0-based); {@code (sessionId, index)}
 * identifies it.
 */
public record TaggedSentence(String sessionId, @JsonProperty(required = true) long seq,
        @JsonProperty(required = true) int index, String text, SentenceTag tag, List<WeakSpan> weakSpans) {

    public TaggedSentence {
        Require.notBlank(sessionId, "session_id");
        Require.notNegative(seq, "seq");
        Require.notNegative(index, "index");
        Require.present(text, "text");
        Require.present(tag, "tag");
        weakSpans = List.copyOf(Require.present(weakSpans, "weak_spans"));
    }
}
