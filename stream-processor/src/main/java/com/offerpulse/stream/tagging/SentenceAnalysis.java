package com.offerpulse.stream.tagging;

import java.util.List;

import com.offerpulse.contracts.analytics.SentenceTag;
import com.offerpulse.contracts.analytics.WeakSpan;

/**
 * What the tagger says about one sentence: its STAR tag, its weak spans and the features the meters read.
 *
 * @param text      the sentence exactly as analysed; span offsets index into it
 * @param tag       one STAR tag (OTHER for small talk, meta-talk, fragments and gibberish)
 * @param weakSpans FILLER, VAGUE and UNSUPPORTED spans: characters {@code [start, end)} of {@code text}, sorted by
 *                  start (then end, then kind); spans of one kind never overlap, spans of different kinds may
 *                  ("much faster" is both a VAGUE comparative and an UNSUPPORTED claim); each hint names the words
 * @param features  countable evidence for the meters
 */
public record SentenceAnalysis(String text, SentenceTag tag, List<WeakSpan> weakSpans, SentenceFeatures features) {
    public SentenceAnalysis {
        weakSpans = List.copyOf(weakSpans);
    }
}
