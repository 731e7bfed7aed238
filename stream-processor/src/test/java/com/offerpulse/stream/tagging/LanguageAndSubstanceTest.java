package com.offerpulse.stream.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The language check and the substance reading on every labelled English sentence (all three sets) and on the
 * foreign answers of the adversarial set; figures quoted in docs/TAGGING.md ("Language", "Substance").
 */
class LanguageAndSubstanceTest {

    private static final String[] SETS = {"labelled-sentences.tsv", "labelled-sentences-holdout.tsv",
        "labelled-sentences-fresh.tsv"};

    @Test
    void englishInterviewSentencesAreAlmostNeverCalledForeign() {
        List<String> english = labelledSentences();
        List<String> flagged = english.stream().filter(s -> !LanguageCheck.isEnglish(s)).toList();
        System.out.printf("LANG english sentences=%d flagged=%d %s%n", english.size(), flagged.size(), flagged);
        assertThat(english).hasSizeGreaterThan(300);
        assertThat((double) flagged.size() / english.size()).isLessThanOrEqualTo(0.01);
    }

    @Test
    void sentencesInOtherLanguagesAreCalledForeign() {
        int total = 0;
        int caught = 0;
        for (String name : new String[] {"spanish", "german", "french", "chinese", "lorem-ipsum"}) {
            SplitResult split = new SentenceSplitter().split(read("/adversarial/" + name + ".txt"));
            List<String> sentences = new ArrayList<>(split.sentences());
            if (!split.remainder().isBlank()) {
                sentences.add(split.remainder());
            }
            for (String s : sentences) {
                total++;
                caught += LanguageCheck.isEnglish(s) ? 0 : 1;
            }
        }
        System.out.printf("LANG foreign sentences=%d caught=%d%n", total, caught);
        assertThat((double) caught / total).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void shortSentencesAndKeyboardMashAreNotJudgedAsALanguage() {
        assertThat(LanguageCheck.isEnglish("Thanks.")).isTrue();
        assertThat(LanguageCheck.isEnglish("Blorf zanq quib vrenk mlop zorg tesh")).isTrue();
        assertThat(LanguageCheck.isEnglish("去年我在一家公司工作。")).isFalse();
    }

    @Test
    void almostEveryLabelledSentenceOtherThanSmallTalkHasAClause() {
        Substance substance = Substance.get();
        int starSentences = 0;
        int withClause = 0;
        for (String line : lines()) {
            String[] cols = line.split("\t");
            if (cols[0].equals("OTHER")) {
                continue;
            }
            starSentences++;
            withClause += substance.read(cols[2]).clause() ? 1 : 0;
        }
        System.out.printf("SUBSTANCE star sentences=%d with clause=%d%n", starSentences, withClause);
        assertThat((double) withClause / starSentences).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void cueWordsFiguresAndPlaceholdersAreNotContent() {
        Substance substance = Substance.get();
        assertThat(substance.read("Leadership.").clause()).isFalse();
        assertThat(substance.read("40%, 2 weeks, $120,000.").clause()).isFalse();
        assertThat(substance.read("Result increased reduced improved grew saved delivered achieved.").content())
                .isZero();
        assertThat(substance.read("I led, owned, drove and spearheaded the initiative with measurable impact.")
                .content()).isLessThanOrEqualTo(1);
        Substance.Reading template = substance.read("As a result, we improved the key metric by X% and saved $Y.");
        assertThat(template.placeholder()).isTrue();
        assertThat(template.clause()).isFalse();
        Substance.Reading honest = substance.read("I analysed two weeks of gateway logs and found expired card tokens.");
        assertThat(honest.clause()).isTrue();
        assertThat(honest.content()).isGreaterThanOrEqualTo(4);
    }

    private static List<String> labelledSentences() {
        return lines().stream().map(l -> l.split("\t")[2]).toList();
    }

    private static List<String> lines() {
        List<String> out = new ArrayList<>();
        for (String set : SETS) {
            for (String line : read("/tagging/" + set).split("\n")) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("tag\t")) {
                    continue;
                }
                if (line.split("\t").length >= 3) {
                    out.add(line);
                }
            }
        }
        return out;
    }

    private static String read(String resource) {
        try (InputStream in = LanguageAndSubstanceTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
