package com.offerpulse.loadgen.corpus;

/**
 * One final speech-recognition segment of an answer: its seq (from 1, as clients number them), its text and where
 * it sits in the spoken answer (milliseconds from the answer's start, at the segmenter's speaking pace).
 */
public record SpokenSegment(long seq, String text, long startMs, long endMs) {

    /** True when the segment ends a sentence, so the stream processor emits a meters update for it at once. */
    public boolean endsSentence() {
        return AnswerSegmenter.endsSentence(text.substring(text.lastIndexOf(' ') + 1));
    }
}
