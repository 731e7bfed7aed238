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
        long endedWallMs) {

    /** Clients number a round's final segments from 1 (0 is accepted too, as a late first segment). */
    public static final long FIRST_SEQ = 1;

    public RoundState {
        held = held == null ? List.of() : List.copyOf(held);
        applied = applied == null ? SeqRanges.empty() : applied;
        pendingText = pendingText == null ? "" : pendingText;
        meters = meters == null ? MeterState.empty() : meters;
    }

    public static RoundState open(String sessionId, String userId) {
        return new RoundState(sessionId, userId, RoundStatus.OPEN, FIRST_SEQ, SeqRanges.empty(), List.of(), null, "",
                0, 0, MeterState.empty(), 0, null, 0, null, null, 0);
    }
}
