package com.offerpulse.stream.rounds;

import java.time.Instant;
import java.util.List;

import com.offerpulse.contracts.session.EndReason;
import com.offerpulse.stream.meters.MeterState;

import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Everything the processor keeps per round (state store {@value com.offerpulse.stream.OfferPulseTopology#ROUND_STORE},
 * key = session id). {@code nextSeq} is the lowest seq not yet applied in order; {@code applied} every seq applied;
 * {@code held} out-of-order segments waiting for a gap; {@code pendingText} the unfinished sentence. Stored in the
 * compact positional JSON of {@link RoundStateJson} (read and written for every segment, so its cost matters).
 *
 * <p>Nothing in it grows with the round beyond {@link RoundBounds}: {@code segmentCount}, {@code charCount} and
 * {@code firstSourceTime} are what the bounds are checked against, and {@code cut} names the bound the round reached
 * ({@link Cut}), after which its further input is dropped.
 */
@JsonSerialize(using = RoundStateJson.Writer.class)
@JsonDeserialize(using = RoundStateJson.Reader.class)
public record RoundState(
        String sessionId,
        String userId,
        RoundStatus status,
        long nextSeq,
        SeqRanges applied,
        List<HeldSegment> held,
        Instant heldSince,
        String pendingText,
        long pendingSeq,
        int sentenceCount,
        MeterState meters,
        long lastSeq,
        Instant lastSourceTime,
        long lastActivityWallMs,
        EndReason endReason,
        Instant endedAt,
        long endedWallMs,
        int segmentCount,
        long charCount,
        Instant firstSourceTime,
        Cut cut) {

    /** The bound a round reached; from then on its further input is dropped (docs/ARCHITECTURE.md, "Round bounds"). */
    public enum Cut {
        /** {@link RoundBounds#roundChars()} */
        CHARS,
        /** {@link RoundBounds#roundSegments()} */
        SEGMENTS,
        /** {@link RoundBounds#roundSentences()} */
        SENTENCES
    }

    /** Clients number a round's final segments from 1 (0 is accepted too, as a late first segment). */
    public static final long FIRST_SEQ = 1;

    public RoundState {
        held = held == null ? List.of() : List.copyOf(held);
        applied = applied == null ? SeqRanges.empty() : applied;
        pendingText = pendingText == null ? "" : pendingText;
        meters = meters == null ? MeterState.empty() : meters;
    }

    /** A state written before the round bounds existed: nothing counted yet. */
    public RoundState(String sessionId, String userId, RoundStatus status, long nextSeq, SeqRanges applied,
            List<HeldSegment> held, Instant heldSince, String pendingText, long pendingSeq, int sentenceCount,
            MeterState meters, long lastSeq, Instant lastSourceTime, long lastActivityWallMs, EndReason endReason,
            Instant endedAt, long endedWallMs) {
        this(sessionId, userId, status, nextSeq, applied, held, heldSince, pendingText, pendingSeq, sentenceCount,
                meters, lastSeq, lastSourceTime, lastActivityWallMs, endReason, endedAt, endedWallMs, 0, 0, null, null);
    }

    public static RoundState open(String sessionId, String userId) {
        return new RoundState(sessionId, userId, RoundStatus.OPEN, FIRST_SEQ, SeqRanges.empty(), List.of(), null, "",
                0, 0, MeterState.empty(), 0, null, 0, null, null, 0);
    }

    /** This state with another wall-clock time of last activity. */
    public RoundState withActivity(long wallMs) {
        return new RoundState(sessionId, userId, status, nextSeq, applied, held, heldSince, pendingText, pendingSeq,
                sentenceCount, meters, lastSeq, lastSourceTime, wallMs, endReason, endedAt, endedWallMs, segmentCount,
                charCount, firstSourceTime, cut);
    }
}
