package com.offerpulse.stream.rounds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.offerpulse.contracts.json.ContractViolation;
import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.contracts.json.JsonSerde;
import com.offerpulse.contracts.session.EndReason;
import com.offerpulse.contracts.transcript.Speaker;
import com.offerpulse.contracts.transcript.TranscriptSegment;
import com.offerpulse.stream.StreamSettings;
import com.offerpulse.stream.tagging.SentenceSplitter;
import com.offerpulse.stream.tagging.SentenceTagger;

class RoundStateJsonTest {
    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00.123456789Z");
    private final RoundEngine engine = new RoundEngine(new SentenceSplitter(), SentenceTagger.load(),
            StreamSettings.defaults());

    /** A round mid-answer: meters with every list filled, an unfinished sentence and a held segment. */
    private RoundState midRound() {
        String[] chunks = {"At my last company I owned the checkout service, and it failed about 4% of payments",
                "at peak. I pulled three months of logs and found one retry bug behind 70% of the failures.",
                "Um, basically we kind of watched the dashboards and things were a lot better, you know.",
                "Errors dropped from 4% to 0.6% in two weeks and revenue rose 18%. And then the"};
        RoundState s = null;
        for (int i = 1; i <= 12; i++) {
            s = engine.onSegment(s, segment(i, chunks[i % chunks.length]), 1_000L * i).state();
        }
        return engine.onSegment(s, segment(15, "held “quoted” text ✓"), 20_000).state();
    }

    private static TranscriptSegment segment(long seq, String text) {
        return new TranscriptSegment("s_1:" + seq, "s_1", "u_1", seq, Speaker.CANDIDATE, text, 0, 1, true,
                T0.plusSeconds(seq));
    }

    @Test
    void shouldRoundTripEveryFieldExactly() {
        RoundState state = midRound();
        assertThat(state.held()).hasSize(1);
        assertThat(state.meters().recentHashes()).isNotEmpty();

        RoundState back = JsonCodec.decode(JsonCodec.encode(state), RoundState.class);

        assertThat(back).isEqualTo(state);
        assertThat(back.meters().values()).isEqualTo(state.meters().values());
        assertThat(back.meters().hints()).isEqualTo(state.meters().hints());
    }

    @Test
    void shouldRoundTripAnEndedRoundAndTheEmptyOne() {
        RoundState ended = engine.onEnd(midRound(), "s_1", "u_1", EndReason.TIMEOUT, T0.plusSeconds(99), 5).state();
        RoundState empty = RoundState.open("s_2", "u_2");

        assertThat(JsonCodec.decode(JsonCodec.encode(ended), RoundState.class)).isEqualTo(ended);
        assertThat(JsonCodec.decode(JsonCodec.encode(empty), RoundState.class)).isEqualTo(empty);
    }

    @Test
    void shouldStillReadStatesStoredAsJsonObjectsBeforeTheCompactForm() {
        RoundState state = midRound();
        RoundStateJson.LegacyRoundState legacy = new RoundStateJson.LegacyRoundState(state.sessionId(),
                state.userId(), state.status(), state.nextSeq(), state.applied(), state.held(), state.heldSince(),
                state.pendingText(), state.pendingSeq(), state.sentenceCount(), state.meters(), state.lastSeq(),
                state.lastSourceTime(), state.lastActivityWallMs(), state.endReason(), state.endedAt(),
                state.endedWallMs());
        byte[] objectForm = JsonCodec.encode(legacy);
        assertThat(new String(objectForm, StandardCharsets.UTF_8)).startsWith("{").contains("\"pending_text\"");

        RoundState read = new JsonSerde<>(RoundState.class).deserializer().deserialize("round-state", objectForm);

        // States from before the round bounds carry no counters: they read as nothing counted yet.
        assertThat(read).isEqualTo(withoutBoundCounters(state));
    }

    @Test
    void shouldReadTheCompactFormWrittenBeforeTheRoundBoundFields() {
        RoundState state = withoutBoundCounters(midRound());
        String current = new String(JsonCodec.encode(state), StandardCharsets.UTF_8);
        assertThat(current).endsWith(",0,0,null,null]");
        String before = current.substring(0, current.length() - ",0,0,null,null]".length()) + "]";

        assertThat(JsonCodec.decode(before, RoundState.class)).isEqualTo(state);
    }

    @Test
    void shouldRoundTripTheRoundBoundFields() {
        RoundState s = midRound();
        RoundState cut = new RoundState(s.sessionId(), s.userId(), s.status(), s.nextSeq(), s.applied(), s.held(),
                s.heldSince(), s.pendingText(), s.pendingSeq(), s.sentenceCount(), s.meters(), s.lastSeq(),
                s.lastSourceTime(), s.lastActivityWallMs(), s.endReason(), s.endedAt(), s.endedWallMs(), 2_000,
                60_000, T0, RoundState.Cut.SEGMENTS);

        assertThat(JsonCodec.decode(JsonCodec.encode(cut), RoundState.class)).isEqualTo(cut);
    }

    private static RoundState withoutBoundCounters(RoundState s) {
        return new RoundState(s.sessionId(), s.userId(), s.status(), s.nextSeq(), s.applied(), s.held(),
                s.heldSince(), s.pendingText(), s.pendingSeq(), s.sentenceCount(), s.meters(), s.lastSeq(),
                s.lastSourceTime(), s.lastActivityWallMs(), s.endReason(), s.endedAt(), s.endedWallMs());
    }

    @Test
    void shouldWriteATaggedArrayAThirdOfTheObjectSize() {
        RoundState state = midRound();
        String compact = new String(JsonCodec.encode(state), StandardCharsets.UTF_8);
        RoundStateJson.LegacyRoundState legacy = new RoundStateJson.LegacyRoundState(state.sessionId(),
                state.userId(), state.status(), state.nextSeq(), state.applied(), state.held(), state.heldSince(),
                state.pendingText(), state.pendingSeq(), state.sentenceCount(), state.meters(), state.lastSeq(),
                state.lastSourceTime(), state.lastActivityWallMs(), state.endReason(), state.endedAt(),
                state.endedWallMs());

        assertThat(compact).startsWith("[\"" + RoundStateJson.FORMAT + "\",\"s_1\",\"u_1\",\"OPEN\"");
        assertThat(compact.length()).isLessThan(JsonCodec.encode(legacy).length / 2);
    }

    @Test
    void shouldRefuseAnUnknownLayoutInsteadOfMisreadingIt() {
        assertThatThrownBy(() -> JsonCodec.decode("[\"rs9\",\"s\"]", RoundState.class))
                .isInstanceOf(ContractViolation.class);
        assertThatThrownBy(() -> JsonCodec.decode("[\"rs1\",\"s\",\"u\",\"OPEN\",\"x\"]", RoundState.class))
                .isInstanceOf(ContractViolation.class);
        assertThat(List.of(RoundStatus.values())).contains(RoundStatus.OPEN);
    }
}
