package com.offerpulse.loadgen.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class CorpusTest {

    @Test
    void shouldShipAtLeastFortyVariedAnswers() {
        Corpus corpus = Corpus.load();

        assertThat(corpus.size()).isGreaterThanOrEqualTo(40);
        assertThat(corpus.answers().stream().map(Answer::role).collect(Collectors.toSet())).hasSizeGreaterThan(15);
        assertThat(corpus.answers().stream().map(Answer::question).distinct().count()).isEqualTo(corpus.size());
        // Spoken, not written: fillers, vague words and figures all occur across the corpus.
        String all = corpus.answers().stream().map(Answer::text).collect(Collectors.joining(" "));
        assertThat(all).contains("um,", "you know", "basically", "stuff", "a lot", "%", "$");
    }

    @Test
    void shouldParseBlocksAndIgnoreComments() {
        Corpus corpus = Corpus.parse("""
                # comment
                role: sre
                question: Tell me about an incident.
                It was late.
                We fixed it.

                role: pm
                question: Why this job?
                Because I like it.
                """);

        assertThat(corpus.answers()).containsExactly(
                new Answer("sre", "Tell me about an incident.", "It was late. We fixed it."),
                new Answer("pm", "Why this job?", "Because I like it."));
    }

    @Test
    void shouldRefuseAnAnswerWithoutAQuestion() {
        assertThatThrownBy(() -> Corpus.parse("role: sre\nIt was late.\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("question:");
    }

    @Test
    void shouldGiveCandidatesDifferentAnswersAndWalkTheCorpusDeterministically() {
        Corpus corpus = Corpus.load();

        assertThat(corpus.pick(0, 0)).isNotEqualTo(corpus.pick(1, 0));
        assertThat(corpus.pick(0, 0)).isNotEqualTo(corpus.pick(0, 1));
        assertThat(corpus.pick(3, 2)).isEqualTo(corpus.pick(3, 2));
    }
}
