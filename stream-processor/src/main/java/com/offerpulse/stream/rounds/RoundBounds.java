package com.offerpulse.stream.rounds;

import java.time.Duration;

import org.springframework.boot.context.properties.bind.DefaultValue;

import jakarta.validation.constraints.Min;

/**
 * What one round may hold ({@code offerpulse.stream.round-bounds.*}, docs/ARCHITECTURE.md, "Round bounds"). Every
 * state record and output of a round stays far under Kafka's 1 MiB record limit whatever a client sends: the budget
 * is 64 KiB per record, checked by {@code RoundBoundsTest} with a round at every bound at once.
 *
 * @param openSentenceChars characters of the open (unfinished) sentence, and of any one sentence; a longer one is cut
 *                          into pieces of at most this many characters (at the last space if there is one), even when
 *                          it has no letters; a piece without a letter or digit is dropped (it has no words to score)
 * @param roundChars        characters of segment text accepted per round; the segment that crosses it is cut, later
 *                          ones are dropped
 * @param roundSegments     final segments accepted per round; later ones are dropped
 * @param roundSentences    sentences emitted per round; the round's later input is dropped
 * @param roundDuration     source time (segment {@code occurred_at}) from a round's first segment to its end: the first
 *                          segment beyond it ends the round with reason {@code timeout} and is dropped (source time,
 *                          not wall time, so a replay ends the round at the same segment)
 * @param seqGaps           gaps remembered in the applied-seq set; beyond it the two lowest ranges merge, and a late
 *                          segment whose seq falls in that forgotten gap is dropped as if a duplicate
 * @param heldChars         characters of out-of-order segments held while waiting for a gap; beyond it the gap is
 *                          skipped, like {@code maxHeldSegments}
 * @param weakSpansPerSentence weak spans listed per emitted sentence (the meters count all of them)
 */
public record RoundBounds(
        @DefaultValue("" + OPEN_SENTENCE_CHARS) @Min(40) int openSentenceChars,
        @DefaultValue("" + ROUND_CHARS) @Min(1) int roundChars,
        @DefaultValue("" + ROUND_SEGMENTS) @Min(1) int roundSegments,
        @DefaultValue("" + ROUND_SENTENCES) @Min(1) int roundSentences,
        @DefaultValue(ROUND_DURATION) Duration roundDuration,
        @DefaultValue("" + SEQ_GAPS) @Min(1) int seqGaps,
        @DefaultValue("" + HELD_CHARS) @Min(1) int heldChars,
        @DefaultValue("" + WEAK_SPANS_PER_SENTENCE) @Min(0) int weakSpansPerSentence) {

    public static final int OPEN_SENTENCE_CHARS = 1_000;
    public static final int ROUND_CHARS = 60_000;
    public static final int ROUND_SEGMENTS = 2_000;
    public static final int ROUND_SENTENCES = 400;
    public static final String ROUND_DURATION = "30m";
    public static final int SEQ_GAPS = 64;
    public static final int HELD_CHARS = 8_000;
    public static final int WEAK_SPANS_PER_SENTENCE = 24;

    public static RoundBounds defaults() {
        return new RoundBounds(OPEN_SENTENCE_CHARS, ROUND_CHARS, ROUND_SEGMENTS, ROUND_SENTENCES,
                Duration.ofMinutes(30), SEQ_GAPS, HELD_CHARS, WEAK_SPANS_PER_SENTENCE);
    }
}
