package com.offerpulse.stream.rounds;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.offerpulse.contracts.analytics.MeterValues;
import com.offerpulse.contracts.analytics.SessionMeters;
import com.offerpulse.contracts.analytics.TaggedSentence;
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
 */
public final class RoundEngine {
    private final SentenceSplitter splitter;
    private final SentenceTagger tagger;
    private final int maxHeld;
    private final Duration maxHoldTime;

    public RoundEngine(SentenceSplitter splitter, SentenceTagger tagger, StreamSettings settings) {
        this.splitter = splitter;
        this.tagger = tagger;
        this.maxHeld = settings.maxHeldSegments();
        this.maxHoldTime = settings.maxHoldTime();
    }

    /** What one input did: the new state (null = unchanged) and the records to emit, in order. */
    public record Step(RoundState state, List<RoundOutput> outputs) {
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
        HeldSegment incoming = new HeldSegment(seq, segment.speaker(), segment.text(), segment.occurredAt());
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
        if (!w.held.isEmpty() && (w.held.size() > maxHeld
                || Duration.between(w.heldSince, segment.occurredAt()).compareTo(maxHoldTime) > 0)) {
            w.nextSeq = w.held.get(0).seq();
            w.releaseConsecutive();
        }
        return new Step(w.toState(), w.outputs);
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
                w.sentenceCount, endedAt, false)));
        return new Step(w.toState(), w.outputs);
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
        final List<RoundOutput> outputs = new ArrayList<>();

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
            lastSeq = s.seq();
            lastSourceTime = s.occurredAt();
            if (s.speaker() == Speaker.INTERVIEWER) {
                // The interviewer cut in: the candidate's unfinished sentence ends here.
                flushPending();
                return;
            }
            String text = s.text().strip();
            if (text.isEmpty()) {
                return;
            }
            String combined = pendingText.isEmpty() ? text : pendingText + " " + text;
            SplitResult split = splitter.split(combined);
            for (String sentence : split.sentences()) {
                emitSentence(sentence, s.seq(), s.occurredAt());
            }
            pendingText = split.remainder();
            pendingSeq = s.seq();
        }

        void flushPending() {
            String tail = pendingText.strip();
            pendingText = "";
            if (!tail.isEmpty()) {
                emitSentence(tail, Math.max(pendingSeq, 0), lastSourceTime == null ? Instant.EPOCH : lastSourceTime);
            }
        }

        void emitSentence(String text, long seq, Instant sourceTime) {
            SentenceAnalysis analysis = tagger.analyze(text);
            outputs.add(new RoundOutput.Sentence(new TaggedSentence(sessionId, seq, sentenceCount, analysis.text(),
                    analysis.tag(), analysis.weakSpans())));
            sentenceCount++;
            meters = meters.add(analysis);
            MeterValues v = meters.values();
            outputs.add(new RoundOutput.Meters(new SessionMeters(sessionId, v.credibility(), v.starStructure(),
                    v.confidenceStability(), v.impactStrength(), v.riskDrift(), meters.hints(), seq, sourceTime)));
        }

        RoundState toState() {
            return new RoundState(sessionId, userId, status, nextSeq, applied, held, heldSince, pendingText,
                    pendingSeq, sentenceCount, meters, lastSeq, lastSourceTime, lastActivityWallMs, endReason, endedAt,
                    endedWallMs);
        }
    }
}
