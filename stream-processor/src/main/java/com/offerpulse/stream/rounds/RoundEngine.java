package com.offerpulse.stream.rounds;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.offerpulse.contracts.analytics.MeterValues;
import com.offerpulse.contracts.analytics.SessionMeters;
import com.offerpulse.contracts.analytics.TaggedSentence;
import com.offerpulse.contracts.analytics.WeakSpan;
import com.offerpulse.contracts.session.SessionEnded;
import com.offerpulse.contracts.session.EndReason;
import com.offerpulse.contracts.transcript.Speaker;
import com.offerpulse.contracts.transcript.TranscriptSegment;
import com.offerpulse.stream.StreamSettings;
import com.offerpulse.stream.meters.MeterState;
import com.offerpulse.stream.tagging.SentenceAnalysis;
import com.offerpulse.stream.tagging.SentenceSplitter;
import com.offerpulse.stream.tagging.SentenceTagger;
import com.offerpulse.stream.tagging.SplitResult;

/**
 * The per-round logic, free of Kafka: turns segments into tagged sentences and meter updates, and closes a round.
 *
 * <p>Ordering rule (docs/ARCHITECTURE.md, "Segment rules"): only final segments count. They are applied in seq order starting
 * at 1. A seq already applied or already held is a duplicate and dropped. A seq above the next expected one is held
 * until the gap fills; if more than {@code maxHeldSegments} are held, or the oldest has waited longer than
 * {@code maxHoldTime} of source time, the gap is skipped and the held segments are applied in order. A segment whose
 * gap was skipped and that arrives later is applied on arrival. At the round's end every held segment is applied
 * and the unfinished sentence is flushed. Segments after the end are dropped.
 *
 * <p>Bounds ({@link RoundBounds}, docs/ARCHITECTURE.md, "Round bounds"): no sentence, open or complete, is longer
 * than {@code openSentenceChars} (longer text is cut into pieces, letterless or not); a round accepts at most
 * {@code roundSegments} segments, {@code roundChars} characters and emits at most {@code roundSentences} sentences —
 * the input beyond is dropped and the round announces the cut once, as the first hint of a meters update; the first
 * segment more than {@code roundDuration} of source time after the round's first one ends it (reason timeout).
 * Every cut is reported through {@link Step#cuts()} so the processor can count it.
 */
public final class RoundEngine {
    private final SentenceSplitter splitter;
    private final SentenceTagger tagger;
    private final int maxHeld;
    private final Duration maxHoldTime;
    private final RoundBounds bounds;

    public RoundEngine(SentenceSplitter splitter, SentenceTagger tagger, StreamSettings settings) {
        this.splitter = splitter;
        this.tagger = tagger;
        this.maxHeld = settings.maxHeldSegments();
        this.maxHoldTime = settings.maxHoldTime();
        this.bounds = settings.roundBounds();
    }

    /** Which bound cut what (counted by the processor as {@code offerpulse.round.cuts}). */
    public enum CutKind {
        /** a sentence (open or complete) longer than the bound was cut into pieces */
        SENTENCE_CHARS,
        /** a segment was cut or dropped: the round's characters were used up */
        ROUND_CHARS,
        /** a segment was dropped: the round's segments were used up */
        ROUND_SEGMENTS,
        /** a sentence (or the input that would give one) was dropped: the round's sentences were used up */
        ROUND_SENTENCES,
        /** the round ended at its longest duration */
        ROUND_DURATION,
        /** the lowest gaps of the applied-seq set were forgotten */
        SEQ_GAPS
    }

    /** What one input did: the new state (null = unchanged), the records to emit in order, and the cuts made. */
    public record Step(RoundState state, List<RoundOutput> outputs, List<CutKind> cuts) {
        public Step {
            cuts = cuts == null ? List.of() : List.copyOf(cuts);
        }

        public Step(RoundState state, List<RoundOutput> outputs) {
            this(state, outputs, List.of());
        }

        static Step unchanged() {
            return new Step(null, List.of());
        }
    }

    public Step onSegment(RoundState current, TranscriptSegment segment, long wallMs) {
        RoundState base = current == null ? RoundState.open(segment.sessionId(), segment.userId()) : current;
        if (base.status() != RoundStatus.OPEN || !segment.finalSegment()) {
            return Step.unchanged();
        }
        Work w = new Work(base);
        w.lastActivityWallMs = wallMs;
        long seq = segment.seq();
        boolean held = w.held.stream().anyMatch(h -> h.seq() == seq);
        if (w.applied.contains(seq) || held) {
            return new Step(w.toState(), List.of());
        }
        if (segment.occurredAt() != null) {
            if (w.firstSourceTime == null) {
                w.firstSourceTime = segment.occurredAt();
            } else if (Duration.between(w.firstSourceTime, segment.occurredAt()).compareTo(bounds.roundDuration()) > 0) {
                return endAtDuration(w);
            }
        }
        if (w.cut != null) {
            // The round is full: its further input is dropped (counted, never stored).
            w.cuts.add(w.cut == RoundState.Cut.SENTENCES ? CutKind.ROUND_SENTENCES
                    : w.cut == RoundState.Cut.SEGMENTS ? CutKind.ROUND_SEGMENTS : CutKind.ROUND_CHARS);
            return w.step();
        }
        if (w.segmentCount >= bounds.roundSegments()) {
            w.cutRound(RoundState.Cut.SEGMENTS, seq, segment.occurredAt());
            return w.step();
        }
        String text = segment.text() == null ? "" : segment.text();
        long room = bounds.roundChars() - w.charCount;
        boolean full = text.length() >= room;
        if (text.length() > room) {
            text = prefix(text, (int) Math.max(0, room));
        }
        w.segmentCount++;
        w.charCount += text.length();
        HeldSegment incoming = new HeldSegment(seq, segment.speaker(), text, segment.occurredAt());
        if (seq <= w.nextSeq) {
            w.apply(incoming);
            if (seq == w.nextSeq) {
                w.nextSeq = seq + 1;
            }
            w.releaseConsecutive();
        } else {
            w.held.add(incoming);
            w.held.sort(Comparator.comparingLong(HeldSegment::seq));
            if (w.heldSince == null) {
                w.heldSince = segment.occurredAt();
            }
        }
        if (!w.held.isEmpty() && (w.held.size() > maxHeld || heldChars(w.held) > bounds.heldChars()
                || Duration.between(w.heldSince, segment.occurredAt()).compareTo(maxHoldTime) > 0)) {
            w.nextSeq = w.held.get(0).seq();
            w.releaseConsecutive();
        }
        // Held segments with several gaps between them: one skip may leave too many; skip on until within bounds.
        while (!w.held.isEmpty() && (w.held.size() > maxHeld || heldChars(w.held) > bounds.heldChars())) {
            w.nextSeq = w.held.get(0).seq();
            w.releaseConsecutive();
        }
        if (full && w.cut == null) {
            w.cutRound(RoundState.Cut.CHARS, seq, segment.occurredAt());
        }
        return w.step();
    }

    /** The round reached its longest duration: it ends like an inactive one (reason timeout, announced). */
    private Step endAtDuration(Work w) {
        Instant endedAt = w.lastSourceTime != null ? w.lastSourceTime : w.firstSourceTime;
        Step end = onEnd(w.toState(), w.sessionId, w.userId, EndReason.TIMEOUT, endedAt, w.lastActivityWallMs);
        List<RoundOutput> outputs = new ArrayList<>(end.outputs().size() + 1);
        outputs.add(new RoundOutput.Timeout(new SessionEnded(w.sessionId + ":timeout", w.sessionId, w.userId,
                EndReason.TIMEOUT, endedAt)));
        outputs.addAll(end.outputs());
        List<CutKind> cuts = new ArrayList<>(end.cuts());
        cuts.add(CutKind.ROUND_DURATION);
        return new Step(end.state(), outputs, cuts);
    }

    private static long heldChars(List<HeldSegment> held) {
        long n = 0;
        for (HeldSegment h : held) {
            n += h.text() == null ? 0 : h.text().length();
        }
        return n;
    }

    /** The first {@code max} chars of {@code s}, never splitting a surrogate pair. */
    private static String prefix(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = max;
        if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    /**
     * Cuts a text longer than {@code max} chars into pieces of at most {@code max}: at the last whitespace of each
     * window when there is one in its second half, else at {@code max} exactly. Deterministic, so a replay cuts alike.
     */
    static List<String> pieces(String text, int max) {
        List<String> out = new ArrayList<>();
        String rest = text;
        while (rest.length() > max) {
            int cut = -1;
            for (int i = max; i > max / 2; i--) {
                if (Character.isWhitespace(rest.charAt(i))) {
                    cut = i;
                    break;
                }
            }
            String piece = cut > 0 ? rest.substring(0, cut) : prefix(rest, max);
            out.add(piece.strip());
            rest = rest.substring(piece.length()).strip();
        }
        out.add(rest);
        return out;
    }

    private static boolean hasLetterOrDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetterOrDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Ends the round (client or timeout): applies what is held, flushes the tail, emits the outcome. */
    public Step onEnd(RoundState current, String sessionId, String userId, EndReason reason, Instant endedAt,
            long wallMs) {
        RoundState base = current == null ? RoundState.open(sessionId, userId) : current;
        if (base.status() != RoundStatus.OPEN) {
            return Step.unchanged();
        }
        Work w = new Work(base);
        for (HeldSegment h : List.copyOf(w.held)) {
            w.apply(h);
        }
        w.held.clear();
        w.heldSince = null;
        w.flushPending();
        w.status = RoundStatus.ENDED;
        w.endReason = reason;
        w.endedAt = endedAt;
        w.endedWallMs = wallMs;
        MeterValues finalMeters = w.meters.values();
        w.outputs.add(new RoundOutput.Closed(new RoundOutcome(w.sessionId, w.userId, reason, finalMeters,
                w.sentenceCount, endedAt, false, w.meters.notEnglish())));
        return w.step();
    }

    /**
     * The owner deleted the round: its state shrinks to a marker (so late input cannot revive it) and the user's
     * view is told to forget it, whether or not this processor still holds the round.
     */
    public Step onDelete(RoundState current, String sessionId, String userId, Instant at, long wallMs) {
        if (current != null && current.status() == RoundStatus.DELETED) {
            return Step.unchanged();
        }
        RoundState marker = new RoundState(sessionId, userId, RoundStatus.DELETED, 0, SeqRanges.empty(), List.of(),
                null, "", 0, 0, MeterState.empty(), 0, null, wallMs, null, at, wallMs);
        return new Step(marker, List.of(new RoundOutput.Closed(RoundOutcome.deletion(sessionId, userId, at))));
    }

    /** A mutable working copy of one round's state for the duration of one input. */
    private final class Work {
        final String sessionId;
        final String userId;
        RoundStatus status;
        long nextSeq;
        SeqRanges applied;
        final List<HeldSegment> held;
        Instant heldSince;
        String pendingText;
        long pendingSeq;
        int sentenceCount;
        MeterState meters;
        long lastSeq;
        Instant lastSourceTime;
        long lastActivityWallMs;
        EndReason endReason;
        Instant endedAt;
        long endedWallMs;
        int segmentCount;
        long charCount;
        Instant firstSourceTime;
        RoundState.Cut cut;
        final List<RoundOutput> outputs = new ArrayList<>();
        final List<CutKind> cuts = new ArrayList<>();

        Work(RoundState s) {
            sessionId = s.sessionId();
            userId = s.userId();
            status = s.status();
            nextSeq = s.nextSeq();
            applied = s.applied();
            held = new ArrayList<>(s.held());
            heldSince = s.heldSince();
            pendingText = s.pendingText();
            pendingSeq = s.pendingSeq();
            sentenceCount = s.sentenceCount();
            meters = s.meters();
            lastSeq = s.lastSeq();
            lastSourceTime = s.lastSourceTime();
            lastActivityWallMs = s.lastActivityWallMs();
            endReason = s.endReason();
            endedAt = s.endedAt();
            endedWallMs = s.endedWallMs();
            segmentCount = s.segmentCount();
            charCount = s.charCount();
            firstSourceTime = s.firstSourceTime();
            cut = s.cut();
        }

        Step step() {
            return new Step(toState(), outputs, cuts);
        }

        /**
         * The round reached a bound: from now on its input is dropped. Said once to the candidate as the first hint
         * of a meters update (the meters themselves are unchanged), and counted.
         */
        void cutRound(RoundState.Cut reached, long seq, Instant sourceTime) {
            cut = reached;
            cuts.add(switch (reached) {
                case CHARS -> CutKind.ROUND_CHARS;
                case SEGMENTS -> CutKind.ROUND_SEGMENTS;
                case SENTENCES -> CutKind.ROUND_SENTENCES;
            });
            if (reached == RoundState.Cut.SENTENCES) {
                pendingText = "";
            }
            String hint = switch (reached) {
                case CHARS -> "Answer too long: only the first " + bounds.roundChars() + " characters are scored.";
                case SEGMENTS -> "Answer too long: only the first " + bounds.roundSegments() + " segments are scored.";
                case SENTENCES -> "Answer too long: only the first " + bounds.roundSentences()
                        + " sentences are scored.";
            };
            List<String> hints = new ArrayList<>(SessionMeters.MAX_HINTS);
            hints.add(hint);
            for (String h : meters.hints()) {
                if (hints.size() < SessionMeters.MAX_HINTS) {
                    hints.add(h);
                }
            }
            MeterValues v = meters.values();
            outputs.add(new RoundOutput.Meters(new SessionMeters(sessionId, v.credibility(), v.starStructure(),
                    v.confidenceStability(), v.impactStrength(), v.riskDrift(), hints, Math.max(0, seq),
                    sourceTime != null ? sourceTime : lastSourceTime != null ? lastSourceTime : Instant.EPOCH)));
        }

        void releaseConsecutive() {
            while (!held.isEmpty() && held.get(0).seq() <= nextSeq) {
                HeldSegment h = held.remove(0);
                if (!applied.contains(h.seq())) {
                    apply(h);
                }
                nextSeq = Math.max(nextSeq, h.seq() + 1);
            }
            heldSince = held.isEmpty() ? null : heldSince;
        }

        void apply(HeldSegment s) {
            applied = applied.with(s.seq());
            if (applied.ranges().size() > bounds.seqGaps()) {
                applied = applied.capped(bounds.seqGaps());
                cuts.add(CutKind.SEQ_GAPS);
            }
            lastSeq = s.seq();
            lastSourceTime = s.occurredAt();
            if (s.speaker() == Speaker.INTERVIEWER) {
                // The interviewer cut in: the candidate's unfinished sentence ends here.
                flushPending();
                return;
            }
            String text = s.text() == null ? "" : s.text().strip();
            if (text.isEmpty() || cut == RoundState.Cut.SENTENCES) {
                return;
            }
            String combined = pendingText.isEmpty() ? text : pendingText + " " + text;
            SplitResult split = splitter.split(combined);
            for (String sentence : split.sentences()) {
                emitBounded(sentence, s.seq(), s.occurredAt());
            }
            String remainder = split.remainder();
            pendingSeq = s.seq();
            if (remainder.length() > bounds.openSentenceChars()) {
                // An open sentence never outgrows its bound, even without a letter (docs/TAGGING.md).
                List<String> parts = pieces(remainder, bounds.openSentenceChars());
                cuts.add(CutKind.SENTENCE_CHARS);
                for (String part : parts.subList(0, parts.size() - 1)) {
                    emitPiece(part, s.seq(), s.occurredAt());
                }
                remainder = parts.get(parts.size() - 1);
            }
            pendingText = cut == RoundState.Cut.SENTENCES ? "" : remainder;
        }

        /** A complete sentence, cut into pieces if it is longer than the bound (one very long word, say). */
        void emitBounded(String sentence, long seq, Instant sourceTime) {
            if (sentence.length() <= bounds.openSentenceChars()) {
                emitPiece(sentence, seq, sourceTime);
                return;
            }
            cuts.add(CutKind.SENTENCE_CHARS);
            for (String part : pieces(sentence, bounds.openSentenceChars())) {
                emitPiece(part, seq, sourceTime);
            }
        }

        /** Emits a sentence unless it has no words (a letterless piece is dropped) or the round's sentences are used up. */
        void emitPiece(String text, long seq, Instant sourceTime) {
            if (text.isEmpty() || !hasLetterOrDigit(text)) {
                return;
            }
            if (cut == RoundState.Cut.SENTENCES) {
                cuts.add(CutKind.ROUND_SENTENCES);
                return;
            }
            if (sentenceCount >= bounds.roundSentences()) {
                cutRound(RoundState.Cut.SENTENCES, seq, sourceTime);
                return;
            }
            emitSentence(text, seq, sourceTime);
        }

        void flushPending() {
            String tail = pendingText.strip();
            pendingText = "";
            if (!tail.isEmpty()) {
                emitBounded(tail, Math.max(pendingSeq, 0), lastSourceTime == null ? Instant.EPOCH : lastSourceTime);
            }
        }

        void emitSentence(String text, long seq, Instant sourceTime) {
            SentenceAnalysis analysis = tagger.analyze(text);
            List<WeakSpan> spans = analysis.weakSpans();
            if (spans.size() > bounds.weakSpansPerSentence()) {
                spans = spans.subList(0, bounds.weakSpansPerSentence());
            }
            outputs.add(new RoundOutput.Sentence(new TaggedSentence(sessionId, seq, sentenceCount, analysis.text(),
                    analysis.tag(), spans)));
            sentenceCount++;
            meters = meters.add(analysis);
            MeterValues v = meters.values();
            outputs.add(new RoundOutput.Meters(new SessionMeters(sessionId, v.credibility(), v.starStructure(),
                    v.confidenceStability(), v.impactStrength(), v.riskDrift(), meters.hints(), seq, sourceTime)));
        }

        RoundState toState() {
            return new RoundState(sessionId, userId, status, nextSeq, applied, held, heldSince, pendingText,
                    pendingSeq, sentenceCount, meters, lastSeq, lastSourceTime, lastActivityWallMs, endReason, endedAt,
                    endedWallMs, segmentCount, charCount, firstSourceTime, cut);
        }
    }
}
