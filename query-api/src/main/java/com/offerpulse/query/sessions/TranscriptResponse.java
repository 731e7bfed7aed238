package com.offerpulse.query.sessions;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.offerpulse.contracts.analytics.TaggedSentence;

/** {@code GET /api/sessions/{id}/transcript}: tagged sentences so far, with weak spans and hints. */
public record TranscriptResponse(String sessionId, String question, boolean ended, List<TaggedSentence> sentences) {

    /**
     * The round's sentences in index order: those still inline in a view written before sentences had their own
     * store, overridden by the stored ones (the stored copy of an index is the newer one).
     */
    static List<TaggedSentence> merge(List<TaggedSentence> legacy, List<TaggedSentence> stored) {
        if (legacy.isEmpty()) {
            return stored;
        }
        Map<Integer, TaggedSentence> byIndex = new TreeMap<>();
        legacy.forEach(s -> byIndex.put(s.index(), s));
        stored.forEach(s -> byIndex.put(s.index(), s));
        return List.copyOf(byIndex.values());
    }
}
