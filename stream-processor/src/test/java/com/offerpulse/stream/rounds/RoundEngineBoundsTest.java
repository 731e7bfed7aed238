package com.offerpulse.stream.rounds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.offerpulse.contracts.transcript.Speaker;
import com.offerpulse.contracts.transcript.TranscriptSegment;
import com.offerpulse.stream.StreamSettings;
import com.offerpulse.stream.tagging.SentenceSplitter;
import com.offerpulse.stream.tagging.SentenceTagger;

/** The round bounds on the engine alone, with small bounds so each cut is easy to see. */
class RoundEngineBoundsTest {
    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");
    private static final SentenceTagger TAGGER = SentenceTagger.load();

    private static RoundEngine engine(RoundBounds bounds) {
        return new RoundEngine(new SentenceSplitter(), TAGGER, StreamSettings.defaults().withRoundBounds(bounds));
    }

    private static RoundBounds bounds(int openChars, int roundChars, int segments, int sentences) {
        RoundBounds d = RoundBounds.defaults();
        return new RoundBounds(openChars, roundChars, segments, sentences, d.roundDuration(), d.seqGaps(),
                d.heldChars(), d.weakSpansPerSentence());
    }

    private static TranscriptSegment say(long seq, String text) {
        return new TranscriptSegment("s:" + seq, "s", "u", seq, Speaker.CANDIDATE, text, seq, seq + 1, true,
                T0.plusSeconds(seq));
    }

    @Test
    void shouldCutAnOpenSentenceWithoutLettersAndDropItsPieces() {
        RoundEngine engine = engine(bounds(50, 10_000, 100, 100));
        RoundEngine.Step step = engine.onSegment(null, say(1, "-- ".repeat(40)), 0);

        assertThat(step.state().pendingText().length()).isLessThanOrEqualTo(50);
        assertThat(step.outputs()).isEmpty();
        assertThat(step.cuts()).contains(RoundEngine.CutKind.SENTENCE_CHARS);
    }

    @Test
    void shouldScoreTheWordsOfACutOpenSentence() {
        RoundEngine engine = engine(bounds(50, 10_000, 100, 100));
        RoundEngine.Step step = engine.onSegment(null, say(1, "we shipped the thing ".repeat(5)), 0);

        assertThat(step.outputs()).filteredOn(o -> o instanceof RoundOutput.Sentence).hasSize(2);
        assertThat(step.state().pendingText().length()).isLessThanOrEqualTo(50);
    }

    @Test
    void shouldCutTheSegmentThatCrossesTheRoundsCharactersAndDropLaterOnes() {
        RoundEngine engine = engine(bounds(1_000, 30, 100, 100));
        RoundState s = engine.onSegment(null, say(1, "I led the team."), 0).state();
        RoundEngine.Step crossing = engine.onSegment(s, say(2, "We cut costs by 20% in a year."), 0);
        RoundEngine.Step later = engine.onSegment(crossing.state(), say(3, "More."), 0);

        assertThat(crossing.state().charCount()).isEqualTo(30);
        assertThat(crossing.state().cut()).isEqualTo(RoundState.Cut.CHARS);
        assertThat(crossing.outputs()).filteredOn(o -> o instanceof RoundOutput.Meters)
                .extracting(o -> ((RoundOutput.Meters) o).value().hints().get(0))
                .contains("Answer too long: only the first 30 characters are scored.");
        assertThat(later.outputs()).isEmpty();
        assertThat(later.cuts()).containsExactly(RoundEngine.CutKind.ROUND_CHARS);
        assertThat(later.state().segmentCount()).isEqualTo(2);
    }

    @Test
    void shouldEmitAtMostTheRoundsSentences() {
        RoundEngine engine = engine(bounds(1_000, 10_000, 100, 3));
        RoundEngine.Step step = engine.onSegment(null, say(1, "One. Two. Three. Four. Five."), 0);

        assertThat(step.outputs()).filteredOn(o -> o instanceof RoundOutput.Sentence).hasSize(3);
        assertThat(step.state().cut()).isEqualTo(RoundState.Cut.SENTENCES);
        assertThat(engine.onSegment(step.state(), say(2, "Six."), 0).outputs()).isEmpty();
    }

    @Test
    void shouldCutTextIntoPiecesAtSpacesOrAtTheBound() {
        assertThat(RoundEngine.pieces("aaaa bbbb cccc", 9)).containsExactly("aaaa bbbb", "cccc");
        assertThat(RoundEngine.pieces("x".repeat(25), 10)).containsExactly("x".repeat(10), "x".repeat(10),
                "x".repeat(5));
        String emoji = "\uD83D\uDE00".repeat(6);
        assertThat(RoundEngine.pieces(emoji, 5)).allSatisfy(p -> assertThat(Character.isHighSurrogate(
                p.charAt(p.length() - 1))).isFalse());
        assertThat(String.join("", RoundEngine.pieces(emoji, 5))).isEqualTo(emoji);
        assertThat(RoundEngine.pieces("short", 10)).isEqualTo(List.of("short"));
    }
}
