package com.offerpulse.stream.adversarial;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.offerpulse.stream.meters.MeterHints;

/**
 * The adversarial set (test resources {@code adversarial/}, written before any tuning): answers made of cue words,
 * figures, filler, another language, placeholder text, the question read back, "we" only or a template. None may
 * score above the honest vague answer, for the round or for the offer probability it leads to; the honest strong
 * answer scores clearly highest. Figures before and after the changes: docs/OFFER_PROBABILITY.md.
 */
class AdversarialSetTest {

    private static Scored vague;
    private static Scored strong;

    @BeforeAll
    static void references() {
        vague = Scored.of("honest-vague");
        strong = Scored.of("honest-strong");
    }

    /** Every answer of the set, for the table in docs/OFFER_PROBABILITY.md. */
    static final String[] ALL = {"honest-vague", "honest-strong", "stuffing-varied", "cue-salad", "ramble-2000",
        "one-word", "figures-only", "spanish", "german", "french", "chinese", "lorem-ipsum", "question-read-back",
        "we-only", "model-answer-copy"};

    @Test
    void theHonestStrongAnswerIsClearlyAheadOfTheHonestVagueOne() {
        for (String name : ALL) {
            System.out.println("ADV " + Scored.of(name).row());
        }
        assertThat(strong.roundScore()).isGreaterThan(vague.roundScore() + 25);
        assertThat(strong.probabilityAfterOne()).isGreaterThan(vague.probabilityAfterOne());
        assertThat(strong.probabilityAfterThree()).isGreaterThan(vague.probabilityAfterThree() + 0.1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"stuffing-varied", "cue-salad", "ramble-2000", "one-word", "figures-only",
        "question-read-back", "model-answer-copy"})
    void noGamedAnswerScoresAboveTheHonestVagueOne(String name) {
        Scored s = Scored.of(name);
        assertThat(s.roundScore()).as(s.row()).isLessThan(vague.roundScore());
        assertThat(s.probabilityAfterOne()).as(s.row()).isLessThanOrEqualTo(vague.probabilityAfterOne());
        assertThat(s.probabilityAfterThree()).as(s.row()).isLessThanOrEqualTo(vague.probabilityAfterThree());
        assertThat(s.roundScore()).as(s.row()).isLessThan(strong.roundScore() - 30);
    }

    @ParameterizedTest
    @ValueSource(strings = {"stuffing-varied", "cue-salad", "one-word", "figures-only"})
    void answersWithoutContentAreToldWhy(String name) {
        assertThat(Scored.of(name).hints()).first().isEqualTo(MeterHints.Hint.NO_SUBSTANCE.text());
    }

    @Test
    void aLongRambleScoresBelowAShortVagueAnswerAndDriftsMore() {
        Scored ramble = Scored.of("ramble-2000");
        assertThat(ramble.state().sentenceCount()).isGreaterThan(80);
        assertThat(ramble.roundScore()).isLessThan(vague.roundScore() - 20);
        assertThat(ramble.meters().riskDrift()).isGreaterThan(vague.meters().riskDrift() + 20);
    }

    @Test
    void oneWordSentencesLandNearTheBottom() {
        assertThat(Scored.of("one-word").roundScore()).isLessThan(15.0);
        assertThat(Scored.of("figures-only").roundScore()).isLessThan(15.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"spanish", "german", "french", "chinese", "lorem-ipsum"})
    void answersNotInEnglishAreNotScoredAndSaySo(String name) {
        Scored s = Scored.of(name);
        assertThat(s.state().notEnglish()).as(name).isTrue();
        assertThat(s.hints()).containsExactly(MeterHints.Hint.NOT_ENGLISH.text());
        assertThat(s.roundScore()).as(s.row()).isLessThan(vague.roundScore());
    }

    @Test
    void theHonestAnswersAreEnglish() {
        assertThat(vague.state().notEnglish()).isFalse();
        assertThat(strong.state().notEnglish()).isFalse();
        assertThat(strong.state().foreignWords()).isZero();
        assertThat(vague.state().foreignWords()).isZero();
    }

    @Test
    void theSameStoryToldOnlyWithWeLosesCredibilityClearlyAndSaysWhy() {
        Scored we = Scored.of("we-only");
        assertThat(we.meters().credibility()).isLessThanOrEqualTo(strong.meters().credibility() - 30);
        assertThat(we.roundScore()).isLessThan(strong.roundScore() - 10);
        assertThat(we.hints()).first().isEqualTo(MeterHints.Hint.WE_ONLY.text());
    }
}
