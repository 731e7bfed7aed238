package com.offerpulse.stream.adversarial;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Prints the figures of every adversarial answer (docs/OFFER_PROBABILITY.md "Adversarial set"). */
class MeasureAdversarialTest {

    static final String[] ALL = {"honest-vague", "honest-strong", "stuffing-varied", "cue-salad", "ramble-2000",
        "one-word", "figures-only", "spanish", "german", "french", "chinese", "lorem-ipsum", "question-read-back",
        "we-only", "model-answer-copy"};

    @Test
    void printFigures() {
        for (String name : ALL) {
            Scored s = Scored.of(name);
            System.out.println("ADV " + s.row() + " hints=" + s.hints());
        }
        // The two references the whole set is judged against: the honest strong answer is clearly ahead.
        assertThat(Scored.of("honest-strong").roundScore()).isGreaterThan(Scored.of("honest-vague").roundScore() + 25);
    }
}
