package com.offerpulse.stream.meters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.offerpulse.contracts.analytics.MeterValues;
import com.offerpulse.contracts.analytics.SentenceTag;
import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.stream.tagging.SentenceAnalysis;
import com.offerpulse.stream.tagging.SentenceFeatures;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Properties of the meters over arbitrary (tagger-shaped) sentence sequences. */
class MeterStatePropertiesTest {

    @Provide
    Arbitrary<SentenceAnalysis> sentences() {
        Arbitrary<String> text = Arbitraries.of("I led the rollout.", "We shipped it in 3 weeks.", "Um, like, stuff.",
                "Revenue grew by 20%.", "It was a huge success.", "I learned a lot.", "The team was small.",
                "Blorf zanq quib.", "I I moved the- the jobs.", "Yes.");
        Arbitrary<SentenceTag> tag = Arbitraries.of(SentenceTag.class);
        Arbitrary<Integer> words = Arbitraries.integers().between(0, 80);
        Arbitrary<Integer> small = Arbitraries.integers().between(0, 6);
        Arbitrary<Double> ratio = Arbitraries.doubles().between(0.0, 1.0);
        Arbitrary<SentenceFeatures> features = Combinators.combine(words, small, small, small, small, small, small,
                small).as((w, f, v, u, h, e, i, we) -> new SentenceFeatures(w, f, v, u, h, e, i, we, Math.min(f, 3),
                        0.5))
                .flatMap(sf -> ratio.map(r -> new SentenceFeatures(sf.wordCount(), sf.fillerCount(), sf.vagueCount(),
                        sf.unsupportedCount(), sf.hedgeCount(), sf.evidenceCount(), sf.firstPersonSingularCount(),
                        sf.firstPersonPluralCount(), sf.actionVerbCount(), r)));
        return Combinators.combine(text, tag, features).as((t, g, f) -> new SentenceAnalysis(t, g, List.of(), f));
    }

    @Property(tries = 300)
    void metersStayInRangeHintsStayFewAndJsonRoundTrips(
            @ForAll @Size(max = 40) List<@net.jqwik.api.From("sentences") SentenceAnalysis> answer) {
        MeterState s = MeterState.empty();
        for (SentenceAnalysis sentence : answer) {
            s = s.add(sentence);
            MeterValues v = s.values();
            assertThat(List.of(v.credibility(), v.starStructure(), v.confidenceStability(), v.impactStrength(),
                    v.riskDrift())).allSatisfy(m -> assertThat(m).isBetween(0, 100));
            assertThat(s.hints()).hasSizeLessThanOrEqualTo(MeterConstants.MAX_HINTS).doesNotHaveDuplicates();
        }
        assertThat(s.sentenceCount()).isEqualTo(answer.size());
        assertThat(s.recentHashes()).hasSizeLessThanOrEqualTo(MeterConstants.REPEAT_MEMORY);
        assertThat(JsonCodec.decode(JsonCodec.encode(s), MeterState.class)).isEqualTo(s);
    }

    @Property(tries = 200)
    void replayingTheSameSentencesGivesTheSameBytes(
            @ForAll @Size(max = 30) List<@net.jqwik.api.From("sentences") SentenceAnalysis> answer) {
        assertThat(JsonCodec.encode(Say.play(answer))).isEqualTo(JsonCodec.encode(Say.play(answer)));
        assertThat(Say.play(answer).hints()).isEqualTo(Say.play(answer).hints());
    }

    @Property(tries = 200)
    void sayingASentenceAgainNeverRaisesAContentMeter(
            @ForAll @Size(min = 1, max = 20) List<@net.jqwik.api.From("sentences") SentenceAnalysis> answer) {
        MeterState before = Say.play(answer);
        MeterState after = before.add(answer.get(answer.size() - 1));
        assertThat(after.repeatedSentences()).isGreaterThanOrEqualTo(before.repeatedSentences());
        if (after.repeatedSentences() > before.repeatedSentences()) {
            assertThat(after.values().credibility()).isLessThanOrEqualTo(before.values().credibility());
            assertThat(after.values().impactStrength()).isLessThanOrEqualTo(before.values().impactStrength());
            assertThat(after.values().starStructure()).isLessThanOrEqualTo(before.values().starStructure());
        }
    }
}
