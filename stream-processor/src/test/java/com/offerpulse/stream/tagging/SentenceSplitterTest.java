package com.offerpulse.stream.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    private final SentenceSplitter splitter = new SentenceSplitter();

    @Test
    void shouldSplitOnTerminatorsAndKeepTheUnfinishedTail() {
        SplitResult r = splitter.split("I led the migration. Did it work? Yes! And then we  ");

        assertThat(r.sentences()).containsExactly("I led the migration.", "Did it work?", "Yes!");
        assertThat(r.remainder()).isEqualTo("And then we");
    }

    @Test
    void shouldReturnNothingForBlankText() {
        assertThat(splitter.split("")).isEqualTo(new SplitResult(List.of(), ""));
        assertThat(splitter.split("   \n ")).isEqualTo(new SplitResult(List.of(), ""));
        assertThat(splitter.split(null)).isEqualTo(new SplitResult(List.of(), ""));
    }

    @Test
    void shouldEndASentenceAtTheEndOfTheText() {
        assertThat(splitter.split("We shipped it.").sentences()).containsExactly("We shipped it.");
        assertThat(splitter.split("We shipped it.").remainder()).isEmpty();
    }

    @Test
    void shouldNotSplitAfterTitlesAndLatinAbbreviations() {
        SplitResult r = splitter.split("I worked with Dr. Patel and Mr. Chen on it, e.g. the billing flow, i.e. "
                + "the hardest part. Then we shipped.");

        assertThat(r.sentences()).containsExactly(
                "I worked with Dr. Patel and Mr. Chen on it, e.g. the billing flow, i.e. the hardest part.",
                "Then we shipped.");
    }

    @Test
    void shouldKeepDecimalsMoneyAndVersionsWhole() {
        SplitResult r = splitter.split("We raised $1.2M in 3.5 months on v2.1.3 of the app. Latency fell to 200 ms. "
                + "It was 99.9% up.");

        assertThat(r.sentences()).containsExactly("We raised $1.2M in 3.5 months on v2.1.3 of the app.",
                "Latency fell to 200 ms.", "It was 99.9% up.");
    }

    @Test
    void shouldSplitAfterEtcOnlyBeforeASentenceOpener() {
        assertThat(splitter.split("We fixed bugs, docs, etc. The team was happy.").sentences())
                .containsExactly("We fixed bugs, docs, etc.", "The team was happy.");
        assertThat(splitter.split("We fixed bugs, docs, etc. and shipped.").sentences())
                .containsExactly("We fixed bugs, docs, etc. and shipped.");
    }

    @Test
    void shouldNotSplitInsideNamesWithInitialsOrUsAbbreviations() {
        assertThat(splitter.split("I reported to J. R. Smith in the U.S. Navy office. So we met.").sentences())
                .containsExactly("I reported to J. R. Smith in the U.S. Navy office.", "So we met.");
        assertThat(splitter.split("We launched in the U.S. Then Europe followed.").sentences())
                .containsExactly("We launched in the U.S.", "Then Europe followed.");
    }

    @Test
    void shouldTreatAnEllipsisBeforeLowerCaseAsAPause() {
        assertThat(splitter.split("So we\u2026 we decided to wait. Then it broke.").sentences())
                .containsExactly("So we\u2026 we decided to wait.", "Then it broke.");
        assertThat(splitter.split("I wasn't sure... Then my manager called. ok").sentences())
                .containsExactly("I wasn't sure...", "Then my manager called.");
    }

    @Test
    void shouldKeepClosingQuotesWithTheirSentence() {
        SplitResult r = splitter.split("She asked \"why now?\" We had no answer. (It was late.) Then");

        assertThat(r.sentences()).containsExactly("She asked \"why now?\"", "We had no answer.", "(It was late.)");
        assertThat(r.remainder()).isEqualTo("Then");
    }

    @Test
    void shouldCollapseWhitespaceAndDropPunctuationOnlySentences() {
        SplitResult r = splitter.split("  I   led\n the\tteam .  ... ?  Next ");

        assertThat(r.sentences()).containsExactly("I led the team .");
        assertThat(r.remainder()).isEqualTo("Next");
    }

    @Test
    void shouldCutALongUnpunctuatedRunBeforeADiscourseMarker() {
        String run = "so at my last company we had a billing system that kept failing every month and the finance "
                + "team had to fix the invoices by hand which took them about three days each time and nobody "
                + "really owned the problem since it sat between two teams and the vendor "
                + "so I set up a meeting with both leads and we agreed to write a proper reconciliation job "
                + "and then I built it over two sprints with the help of one engineer from finance "
                + "and after that the manual work dropped to about an hour a month";

        SplitResult r = splitter.split(run);

        assertThat(r.sentences()).hasSize(1);
        assertThat(r.sentences().get(0)).startsWith("so at my last company").endsWith("two teams and the vendor");
        assertThat(r.remainder()).startsWith("so I set up a meeting");
        for (String s : r.sentences()) {
            assertThat(words(s)).isBetween(SentenceSplitter.CUT_AFTER_WORDS, SentenceSplitter.HARD_CUT_AFTER_WORDS);
        }
        assertThat(String.join(" ", r.sentences()) + " " + r.remainder()).isEqualTo(run);
    }

    @Test
    void shouldNotCutBeforeSoThatOrSoMuch() {
        String run = words(45, "word") + " so that we could ship " + words(5, "more");
        SplitResult r = splitter.split(run);
        assertThat(r.sentences()).isEmpty();
        assertThat(r.remainder()).isEqualTo(run);
    }

    @Test
    void shouldCutALongRunAtACommaAndDropTheComma() {
        String run = words(42, "alpha") + ", beta gamma";
        SplitResult r = splitter.split(run);
        assertThat(r.sentences()).containsExactly(words(42, "alpha"));
        assertThat(r.remainder()).isEqualTo("beta gamma");
    }

    @Test
    void shouldHardCutARunWithNoMarkerAtAll() {
        String run = words(200, "blah");
        SplitResult r = splitter.split(run);
        assertThat(r.sentences()).hasSize(2);
        assertThat(r.sentences()).allSatisfy(s -> assertThat(words(s)).isEqualTo(SentenceSplitter.HARD_CUT_AFTER_WORDS));
        assertThat(words(r.remainder())).isEqualTo(40);
    }

    @Test
    void shouldGiveTheSameSentencesWhenTextArrivesInChunks() {
        List<String> texts = List.of(
                "I worked with Dr. Patel. We fixed bugs, docs, etc. The team was happy. It cost $1.2M. ok so",
                "We launched in the U.S. Then Europe followed... and then the next thing? Nothing! J. Smith said hi.",
                "she said \"done.\" then we met e.g. on Monday vs. Tuesday at 3.30 p.m. Then we left etc. etc.",
                "um so " + words(38, "the") + " and then we so that so much because of that so anyway but "
                        + words(30, "x") + ", and " + words(50, "y") + " which when while and the end.",
                "so basically at my last job we had this problem where the deploys would take like an hour and "
                        + "nobody could ship anything on fridays so what I did was I sat down with the platform "
                        + "team and we wrote a new pipeline and after that deploys took eight minutes and people "
                        + "were shipping every day so yeah that was a big win for us I think");
        for (String text : texts) {
            SplitResult whole = splitter.split(text);
            String[] parts = text.split(" ");
            // every single cut point
            for (int cut = 1; cut < parts.length; cut++) {
                String a = String.join(" ", java.util.Arrays.copyOfRange(parts, 0, cut));
                String more = String.join(" ", java.util.Arrays.copyOfRange(parts, cut, parts.length));
                SplitResult first = splitter.split(a);
                SplitResult second = splitter.split(first.remainder() + " " + more);
                List<String> all = new ArrayList<>(first.sentences());
                all.addAll(second.sentences());
                assertThat(all).as("cut after word %d of: %s", cut, text).isEqualTo(whole.sentences());
                assertThat(second.remainder()).isEqualTo(whole.remainder());
            }
            // word by word, as a streaming caller would
            List<String> streamed = new ArrayList<>();
            String remainder = "";
            for (String word : parts) {
                SplitResult r = splitter.split(remainder + " " + word);
                streamed.addAll(r.sentences());
                remainder = r.remainder();
            }
            assertThat(streamed).as("word by word: %s", text).isEqualTo(whole.sentences());
            assertThat(remainder).isEqualTo(whole.remainder());
        }
    }

    private static String words(int n, String word) {
        return String.join(" ", java.util.Collections.nCopies(n, word));
    }

    private static int words(String s) {
        return s.isBlank() ? 0 : s.strip().split("\\s+").length;
    }
}
