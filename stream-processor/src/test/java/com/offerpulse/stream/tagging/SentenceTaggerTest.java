package com.offerpulse.stream.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.offerpulse.contracts.analytics.SentenceTag;
import com.offerpulse.contracts.analytics.WeakSpan;
import com.offerpulse.contracts.analytics.WeakSpanKind;

class SentenceTaggerTest {

    private final SentenceTagger tagger = SentenceTagger.load();

    // ------------------------------------------------------------------ tags

    @Test
    void shouldTagSituationAndTaskAsContext() {
        assertTag("At my last company we had a billing system that kept failing.", SentenceTag.CONTEXT);
        assertTag("My task was to figure out why sign-ups had dropped.", SentenceTag.CONTEXT);
        assertTag("The challenge was that three teams shared one release train.", SentenceTag.CONTEXT);
        assertTag("we were a team of six building a scheduling tool for clinics", SentenceTag.CONTEXT);
    }

    @Test
    void shouldTagWhatTheCandidateDidAsAction() {
        assertTag("I set up a weekly sync with the three leads.", SentenceTag.ACTION);
        assertTag("So I talked to the PM and we agreed to cut the scope.", SentenceTag.ACTION);
        assertTag("I decided to rewrite the importer instead of patching it.", SentenceTag.ACTION);
        assertTag("um so what I did was I basically pulled every failed payment log", SentenceTag.ACTION);
    }

    @Test
    void shouldTagOutcomesAsResult() {
        assertTag("As a result churn dropped 12% over the next quarter.", SentenceTag.RESULT);
        assertTag("We shipped two weeks early and the client renewed.", SentenceTag.RESULT);
        assertTag("It saved us $40k a year.", SentenceTag.RESULT);
        assertTag("The launch was very successful.", SentenceTag.RESULT);
    }

    @Test
    void shouldTagLessonsAsReflection() {
        assertTag("I learned that you have to bring legal in early.", SentenceTag.REFLECTION);
        assertTag("Looking back, I would have escalated sooner.", SentenceTag.REFLECTION);
        assertTag("Next time I'd run a smaller pilot first.", SentenceTag.REFLECTION);
        assertTag("It taught me to ask for help earlier.", SentenceTag.REFLECTION);
        assertTag("What I took away is that writing things down matters.", SentenceTag.REFLECTION);
    }

    @Test
    void shouldTagSmallTalkMetaTalkAndFragmentsAsOther() {
        assertTag("That's a great question.", SentenceTag.OTHER);
        assertTag("Let me think about that for a second.", SentenceTag.OTHER);
        assertTag("Could you repeat the question?", SentenceTag.OTHER);
        assertTag("and then the", SentenceTag.OTHER);
        assertTag("", SentenceTag.OTHER);
        assertTag("?!", SentenceTag.OTHER);
    }

    @Test
    void shouldTagKeyboardMashAsOtherWithALowPlausibleWordRatio() {
        SentenceAnalysis a = tagger.analyze("asdf qwer zxcv lkjh");

        assertThat(a.tag()).isEqualTo(SentenceTag.OTHER);
        assertThat(a.features().plausibleWordRatio()).isLessThan(0.3);
        assertThat(tagger.analyze("jfkd slaq pwoeir mzncb xkcd").features().plausibleWordRatio()).isLessThan(0.3);
        assertThat(tagger.analyze("I migrated our Kubernetes cluster and onboarded two Salesforce admins.")
                .features().plausibleWordRatio()).isEqualTo(1.0);
    }

    // ------------------------------------------------------------------ filler

    @Test
    void shouldMarkHesitationSoundsWithExactOffsets() {
        SentenceAnalysis a = tagger.analyze("So um I was working as a backend engineer.");

        assertThat(a.weakSpans()).singleElement().satisfies(s -> {
            assertThat(s.start()).isEqualTo(3);
            assertThat(s.end()).isEqualTo(5);
            assertThat(s.kind()).isEqualTo(WeakSpanKind.FILLER);
            assertThat(s.hint()).startsWith("'um'").contains("pause");
        });
        assertThat(a.features().fillerCount()).isEqualTo(1);
    }

    @Test
    void shouldMarkLikeOnlyWhenItIsAFiller() {
        assertSpans("it was, like, really slow", WeakSpanKind.FILLER, "like");
        assertSpans("so like we had to rebuild it", WeakSpanKind.FILLER, "like");
        assertSpans("Like, we had no tests at all", WeakSpanKind.FILLER, "Like");
        assertSpans("we had like five teams touching it", WeakSpanKind.FILLER, "like");
        assertSpans("it took like a hundred tickets", WeakSpanKind.FILLER, "like");

        assertSpans("I like working with data", WeakSpanKind.FILLER);
        assertSpans("I would like to talk about a project", WeakSpanKind.FILLER);
        assertSpans("It looks like a memory leak", WeakSpanKind.FILLER);
        assertSpans("I feel like I should have spoken up", WeakSpanKind.FILLER);
        assertSpans("we did it like this", WeakSpanKind.FILLER);
        assertSpans("I used tools like Jira and Looker", WeakSpanKind.FILLER);
    }

    @Test
    void shouldMarkOtherVerbalTicsInContext() {
        assertSpans("you know we were under pressure", WeakSpanKind.FILLER, "you know");
        assertSpans("do you know how to fix it", WeakSpanKind.FILLER);
        assertSpans("I mean the product was a mess", WeakSpanKind.FILLER, "I mean");
        assertSpans("that's what I mean by ownership", WeakSpanKind.FILLER);
        assertSpans("it was kind of a mess", WeakSpanKind.FILLER, "kind of");
        assertSpans("what kind of example do you want", WeakSpanKind.FILLER);
        assertSpans("Actually, the plan was to outsource it", WeakSpanKind.FILLER, "Actually");
        assertSpans("I met them to understand what they actually needed", WeakSpanKind.FILLER);
        assertSpans("We basically rewrote it", WeakSpanKind.FILLER, "basically");
    }

    @Test
    void shouldMarkRepeatedWordsAsFalseStartsWithoutCountingThemAsFillerWords() {
        assertSpans("I I took ownership of the plan", WeakSpanKind.FILLER, "I I");
        assertThat(tagger.analyze("I I took ownership of the plan").features().fillerCount()).isZero();
        assertThat(tagger.analyze("um I I took it").features().fillerCount()).isEqualTo(1);
        assertSpans("and so the, the team", WeakSpanKind.FILLER, "the, the");
        assertSpans("I knew that that was wrong", WeakSpanKind.FILLER);
        SentenceAnalysis a = tagger.analyze("ok ok ok");
        assertThat(a.weakSpans()).singleElement()
                .satisfies(s -> assertThat(s.hint()).startsWith("'ok ok ok'").contains("false start"));
    }

    // ------------------------------------------------------------------ vague

    @Test
    void shouldMarkVagueQuantitiesWithExactOffsets() {
        SentenceAnalysis a = tagger.analyze("We had a lot of customers complaining.");

        assertThat(a.weakSpans()).singleElement().satisfies(s -> {
            assertThat(s.start()).isEqualTo(7);
            assertThat(s.end()).isEqualTo(12);
            assertThat(s.kind()).isEqualTo(WeakSpanKind.VAGUE);
            assertThat(s.hint()).isEqualTo("'a lot' \u2014 give the number: how many users, what %?");
        });
    }

    @Test
    void shouldMarkVaguePlaceholdersAndQuantifiers() {
        assertSpans("I cleaned up stuff in the warehouse", WeakSpanKind.VAGUE, "stuff");
        assertSpans("There were several issues with the CRM", WeakSpanKind.VAGUE, "several");
        assertSpans("We had some legacy reports nobody read", WeakSpanKind.VAGUE, "some legacy reports");
        assertSpans("some of the tables were empty", WeakSpanKind.VAGUE, "some of");
        assertSpans("at some point we moved", WeakSpanKind.VAGUE);
        assertSpans("There were many spreadsheets", WeakSpanKind.VAGUE, "many");
        assertSpans("How many users did we lose", WeakSpanKind.VAGUE);
        assertSpans("I somehow merged the lists", WeakSpanKind.VAGUE, "somehow");
        assertSpans("We fixed the docs, the tests, etc.", WeakSpanKind.VAGUE, "etc");
    }

    @Test
    void shouldMarkComparativesOnlyWithoutAFigure() {
        assertSpans("The pages were faster after that", WeakSpanKind.VAGUE, "faster");
        assertSpans("The pages were faster, 2 seconds instead of 6", WeakSpanKind.VAGUE);
        assertSpans("We needed a better way to track it", WeakSpanKind.VAGUE);
        assertSpans("I learned it's better to ask early", WeakSpanKind.VAGUE);
        assertSpans("Deploys became more reliable", WeakSpanKind.VAGUE, "more reliable");
    }

    // ------------------------------------------------------------------ unsupported

    @Test
    void shouldMarkAnImpactClaimWithoutEvidenceWithExactOffsets() {
        SentenceAnalysis a = tagger.analyze("We improved performance a lot.");

        assertThat(a.weakSpans()).extracting(WeakSpan::kind, WeakSpan::start, WeakSpan::end).containsExactly(
                org.assertj.core.groups.Tuple.tuple(WeakSpanKind.UNSUPPORTED, 3, 23),
                org.assertj.core.groups.Tuple.tuple(WeakSpanKind.VAGUE, 24, 29));
        assertThat(a.weakSpans().get(0).hint()).startsWith("'improved performance' \u2014 say by how much");
        assertThat(a.features().unsupportedCount()).isEqualTo(1);
    }

    @Test
    void shouldMarkClaimsOnlyWhenNothingBacksThem() {
        assertSpans("We increased revenue significantly.", WeakSpanKind.UNSUPPORTED,
                "increased revenue significantly");
        assertSpans("The launch was very successful.", WeakSpanKind.UNSUPPORTED, "very successful");
        assertSpans("It made everything much faster for users", WeakSpanKind.UNSUPPORTED,
                "made everything much faster");
        assertSpans("It had a huge impact on the business", WeakSpanKind.UNSUPPORTED, "huge impact");
        assertSpans("We significantly reduced the number of escalations", WeakSpanKind.UNSUPPORTED,
                "significantly reduced the number");
        assertSpans("We were able to reduce costs", WeakSpanKind.UNSUPPORTED, "reduce costs");

        // supported: a figure, a duration, money, an example
        assertSpans("We improved performance by 40%.", WeakSpanKind.UNSUPPORTED);
        assertSpans("We reduced onboarding from three weeks to five days.", WeakSpanKind.UNSUPPORTED);
        assertSpans("It saved us $40k a year.", WeakSpanKind.UNSUPPORTED);
        assertSpans("It improved the flow, for example checkout lost one step.", WeakSpanKind.UNSUPPORTED);
        // not a claim: an intention, a hypothesis, a negation
        assertSpans("My goal was to increase retention.", WeakSpanKind.UNSUPPORTED);
        assertSpans("I thought it would improve things.", WeakSpanKind.UNSUPPORTED);
        assertSpans("It didn't really improve anything.", WeakSpanKind.UNSUPPORTED);
    }

    // ------------------------------------------------------------------ hints and invariants

    @Test
    void shouldNameTheMatchedWordsInEveryHint() {
        String s = "Um, basically we improved stuff a lot and it was, like, a huge success.";
        SentenceAnalysis a = tagger.analyze(s);

        assertThat(a.weakSpans()).hasSizeGreaterThanOrEqualTo(5);
        for (WeakSpan span : a.weakSpans()) {
            String words = s.substring(span.start(), span.end());
            assertThat(span.hint()).startsWith("'" + words + "'").contains("\u2014");
        }
    }

    @Test
    void shouldReturnSortedInBoundsNonOverlappingSpansPerKind() {
        for (LabelledSetEvaluationTest.Labelled l : LabelledSetEvaluationTest.read("tagging/labelled-sentences.tsv")) {
            SentenceAnalysis a = tagger.analyze(l.sentence());
            List<WeakSpan> spans = a.weakSpans();
            for (int i = 0; i < spans.size(); i++) {
                WeakSpan s = spans.get(i);
                assertThat(s.end()).isLessThanOrEqualTo(l.sentence().length());
                assertThat(l.sentence().substring(s.start(), s.end())).isEqualTo(l.sentence().substring(s.start(),
                        s.end()).strip());
                if (i > 0) {
                    assertThat(s.start()).isGreaterThanOrEqualTo(spans.get(i - 1).start());
                }
                for (int j = 0; j < i; j++) {
                    WeakSpan o = spans.get(j);
                    if (o.kind() == s.kind()) {
                        assertThat(o.end() <= s.start() || s.end() <= o.start()).as("%s overlaps %s in %s", o, s,
                                l.sentence()).isTrue();
                    }
                }
            }
            SentenceFeatures f = a.features();
            assertThat(f.fillerCount()).isLessThanOrEqualTo(count(spans, WeakSpanKind.FILLER));
            assertThat(f.vagueCount()).isEqualTo(count(spans, WeakSpanKind.VAGUE));
            assertThat(f.unsupportedCount()).isEqualTo(count(spans, WeakSpanKind.UNSUPPORTED));
            assertThat(f.plausibleWordRatio()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void shouldFillEveryFeature() {
        SentenceFeatures f = tagger.analyze("Um I think we basically led the migration and I cut our p95 from "
                + "800 ms to 200 ms in two weeks, maybe.").features();

        assertThat(f.wordCount()).isEqualTo(23);
        assertThat(f.fillerCount()).isEqualTo(2); // um, basically
        assertThat(f.vagueCount()).isZero();
        assertThat(f.unsupportedCount()).isZero();
        assertThat(f.hedgeCount()).isEqualTo(2); // I think, maybe
        assertThat(f.evidenceCount()).isEqualTo(4); // p95, 800, 200, two (weeks)
        assertThat(f.firstPersonSingularCount()).isEqualTo(2);
        assertThat(f.firstPersonPluralCount()).isEqualTo(2); // we, our
        assertThat(f.actionVerbCount()).isEqualTo(2); // led, cut
        assertThat(f.plausibleWordRatio()).isEqualTo(1.0);
    }

    @Test
    void shouldCountAHedgeThatIsAlsoAFillerOnce() {
        SentenceFeatures f = tagger.analyze("I think it was kind of slow, maybe").features();
        assertThat(f.fillerCount()).isEqualTo(1); // kind of
        assertThat(f.hedgeCount()).isEqualTo(2); // I think, maybe
    }

    @Test
    void shouldNotCountPassiveOrNounUsesAsActionVerbs() {
        assertThat(tagger.analyze("The system was built in 2010 and the model was old.").features().actionVerbCount())
                .isZero();
    }

    @Test
    void shouldBeDeterministicAndThreadSafe() throws Exception {
        List<String> sentences = LabelledSetEvaluationTest.read("tagging/labelled-sentences.tsv").stream()
                .map(LabelledSetEvaluationTest.Labelled::sentence).toList();
        List<SentenceAnalysis> first = sentences.stream().map(tagger::analyze).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<SentenceAnalysis>>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> sentences.stream().map(tagger::analyze).toList()));
            }
            for (Future<List<SentenceAnalysis>> run : runs) {
                assertThat(run.get()).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(SentenceTagger.load()).isSameAs(tagger);
    }

    // ------------------------------------------------------------------ helpers

    @Test
    void aRoleStatedInThePastSetsTheSceneWhileASpecificStepIsAnAction() {
        assertTag("I taught Year 9 maths at a comprehensive school in Leeds.", SentenceTag.CONTEXT);
        assertTag("I ran the night shift at a distribution centre that ships 20,000 orders a night.",
                SentenceTag.CONTEXT);
        assertTag("I managed mid-market accounts for a payroll software company.", SentenceTag.CONTEXT);
        assertTag("I then set up a second scan at packing so a wrong item is caught.", SentenceTag.ACTION);
        assertTag("I rewrote the handover checklist for the ward.", SentenceTag.ACTION);
    }

    @Test
    void roughlyBeforeAFigureIsPrecisionNotAHedge() {
        assertThat(tagger.analyze("Failures dropped to roughly 1.5% within a month.").features().hedgeCount())
                .isZero();
        assertThat(tagger.analyze("Each failure cost roughly $30 in lost revenue.").features().hedgeCount())
                .isZero();
        assertThat(tagger.analyze("It roughly worked, I guess.").features().hedgeCount()).isEqualTo(2);
    }

    private static int count(List<WeakSpan> spans, WeakSpanKind kind) {
        return (int) spans.stream().filter(s -> s.kind() == kind).count();
    }

    private void assertTag(String sentence, SentenceTag expected) {
        assertThat(tagger.analyze(sentence).tag()).as(sentence).isEqualTo(expected);
    }

    /** The spans of one kind are exactly the given substrings, in order. */
    private void assertSpans(String sentence, WeakSpanKind kind, String... expected) {
        List<String> actual = tagger.analyze(sentence).weakSpans().stream().filter(s -> s.kind() == kind)
                .map(s -> sentence.substring(s.start(), s.end())).toList();
        assertThat(actual).as("%s spans of: %s", kind, sentence).containsExactly(expected);
    }
}
