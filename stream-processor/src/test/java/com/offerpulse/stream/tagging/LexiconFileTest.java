package com.offerpulse.stream.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LexiconFileTest {

    @Test
    void shouldReadSectionsWeightsAndCommentsInFileOrder() {
        LexiconFile f = LexiconFile.load("test-lexicon.txt");

        assertThat(f.sectionNames()).containsExactly("default", "first section");
        assertThat(f.section("default")).extracting(LexiconFile.Entry::phrase).containsExactly("plain entry");
        assertThat(f.section("first section")).extracting(LexiconFile.Entry::phrase, LexiconFile.Entry::weight)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a lot", 1.0),
                        org.assertj.core.groups.Tuple.tuple("as a result", 2.5),
                        org.assertj.core.groups.Tuple.tuple("i <action-verb-past>?", 0.5),
                        org.assertj.core.groups.Tuple.tuple("don't#not-a-comment", 1.0));
        assertThat(f.section("first section").get(1).source()).isEqualTo("tagging/test-lexicon.txt:5");
    }

    @Test
    void shouldFailWithFileAndLineOnAMalformedEntry() {
        assertThatThrownBy(() -> LexiconFile.load("test-malformed.txt"))
                .hasMessageContaining("tagging/test-malformed.txt:3").hasMessageContaining("not a number");
        assertThatThrownBy(() -> LexiconFile.load("no-such-file.txt")).hasMessageContaining("missing");
        assertThatThrownBy(() -> LexiconFile.load("test-lexicon.txt").requiredSection("nope"))
                .hasMessageContaining("[nope]");
    }

    @Test
    void shouldLoadEveryShippedResourceAndExplainMatches() {
        SentenceTagger tagger = SentenceTagger.load();

        assertThat(tagger.explain("As a result churn dropped 12%."))
                .anySatisfy(line -> assertThat(line).startsWith("RESULT:default 'as a result' 3.0"));
    }
}
