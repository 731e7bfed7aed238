package com.offerpulse.loadgen.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class AnswerSegmenterTest {
    private final AnswerSegmenter segmenter = AnswerSegmenter.defaults();

    @Test
    void shouldCutAtEverySentenceEndSoEachSentenceCompletesWithItsSegment() {
        List<SpokenSegment> segments = segmenter.segment("I led the migration. It took six weeks! Did it work? Yes.");

        assertThat(segments).extracting(SpokenSegment::text)
                .containsExactly("I led the migration.", "It took six weeks!", "Did it work?", "Yes.");
        assertThat(segments).allMatch(SpokenSegment::endsSentence);
    }

    @Test
    void shouldNumberSegmentsFromOneAndKeepEveryWordInOrder() {
        String answer = "Um, so at my last company I owned the checkout service, and during peak sales it was "
                + "failing about 4% of payments which was, you know, a lot of money every single day for us.";

        List<SpokenSegment> segments = segmenter.segment(answer);

        assertThat(segments).extracting(SpokenSegment::seq)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, segments.size()).boxed()
                        .toList());
        assertThat(segments.stream().map(SpokenSegment::text).collect(Collectors.joining(" "))).isEqualTo(answer);
        assertThat(segments).allSatisfy(s -> assertThat(s.text().split(" ")).hasSizeLessThanOrEqualTo(
                AnswerSegmenter.DEFAULT_MAX_WORDS));
    }

    @Test
    void shouldCutAtAClauseBreakOnlyOnceTheSegmentHasTheMinimumWords() {
        List<SpokenSegment> segments = new AnswerSegmenter(4, 12, 150)
                .segment("Um, so, yeah, basically there was this, like, project going on.");

        assertThat(segments).extracting(SpokenSegment::text)
                .containsExactly("Um, so, yeah, basically there was this,", "like, project going on.");
    }

    @Test
    void shouldNotEndASentenceAtAnAbbreviationWithInnerDots() {
        assertThat(AnswerSegmenter.endsSentence("a.m.")).isFalse();
        assertThat(AnswerSegmenter.endsSentence("weeks.")).isTrue();
        assertThat(AnswerSegmenter.endsSentence("4.2")).isFalse();
    }

    @Test
    void shouldTimeSegmentsAtTheSpeakingPaceWithoutGapsOrOverlaps() {
        List<SpokenSegment> segments = new AnswerSegmenter(4, 5, 150)
                .segment("one two three four five six seven eight nine ten");

        // 150 words per minute = 400 ms per word; 5 words per segment.
        assertThat(segments).extracting(SpokenSegment::startMs).containsExactly(0L, 2_000L);
        assertThat(segments).extracting(SpokenSegment::endMs).containsExactly(2_000L, 4_000L);
    }

    @Test
    void shouldGiveEveryCorpusAnswerSeveralSegmentsAndSentenceEnds() {
        for (Answer a : Corpus.load().answers()) {
            List<SpokenSegment> segments = segmenter.segment(a.text());
            assertThat(segments).as(a.question()).hasSizeGreaterThanOrEqualTo(5);
            assertThat(segments.stream().filter(SpokenSegment::endsSentence).count()).as(a.question())
                    .isGreaterThanOrEqualTo(3);
            assertThat(segments.get(segments.size() - 1).endsSentence()).as(a.question()).isTrue();
        }
    }

    @Test
    void shouldReturnNothingForABlankAnswer() {
        assertThat(segmenter.segment("   ")).isEmpty();
    }
}
