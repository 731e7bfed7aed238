package com.offerpulse.stream.meters;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.offerpulse.contracts.analytics.MeterValues;
import com.offerpulse.contracts.analytics.SentenceTag;
import com.offerpulse.stream.tagging.LanguageCheck;
import com.offerpulse.stream.tagging.SentenceAnalysis;
import com.offerpulse.stream.tagging.SentenceFeatures;
import com.offerpulse.stream.tagging.Substance;

/**
 * The running evidence of one round, from which the five live meters are computed (docs/METERS.md).
 *
 * <p>Immutable and pure: {@link #add(SentenceAnalysis)} returns a new state, and {@link #values()} /
 * {@link #hints()} are functions of the state alone, so replaying the same sentences in the same order yields the
 * same meters on any machine. It is a Kafka Streams state-store value encoded with {@code JsonCodec} (snake_case), so
 * it holds only counters, three doubles and bounded lists; its JSON stays under about 2 KB whatever the length of the
 * round (the repeat memory is capped at {@link MeterConstants#REPEAT_MEMORY} hashes).
 *
 * <p>"Spoken" counters include sentences said again; "unique" counters only first occurrences, so a repeated
 * sentence adds delivery evidence (fillers, length, repetition) but never content evidence (figures, results,
 * STAR parts).
 *
 * @param sentenceCount       sentences added (repeats included)
 * @param uniqueSentences     sentences that were not a repeat of one still in the repeat memory
 * @param spokenWords         words of all sentences
 * @param uniqueWords         words of unique sentences
 * @param plausibleWords      sum over unique sentences of words x plausible-word ratio
 * @param repeatedSentences   sentences that repeated one still in the repeat memory
 * @param repeatedWords       words of those sentences
 * @param fillers             filler words (all sentences)
 * @param hedges              hedges (all sentences)
 * @param uniqueHedges        hedges (unique sentences)
 * @param falseStarts         false starts read from the text (all sentences), see {@link TextSignals#falseStarts}
 * @param vague               vague words (unique sentences)
 * @param unsupported         unsupported claims (unique sentences)
 * @param evidence            evidence items (unique sentences)
 * @param firstPersonSingular I/me/my (unique sentences)
 * @param firstPersonPlural   we/us/our (unique sentences)
 * @param actionVerbs         action verbs (unique sentences)
 * @param contextSentences    unique sentences tagged CONTEXT
 * @param actionSentences     unique sentences tagged ACTION
 * @param resultSentences     unique sentences tagged RESULT
 * @param reflectionSentences unique sentences tagged REFLECTION
 * @param otherSentences      unique sentences tagged OTHER
 * @param resultsWithEvidence RESULT sentences holding at least one evidence item
 * @param resultEvidence      evidence items inside RESULT sentences
 * @param firstContext        0-based position of the first CONTEXT sentence, -1 if none (likewise the next three)
 * @param firstAction         position of the first ACTION sentence
 * @param firstResult         position of the first RESULT sentence
 * @param firstReflection     position of the first REFLECTION sentence
 * @param excessWords         words beyond {@link MeterConstants#LONG_SENTENCE_WORDS} in each sentence (all sentences)
 * @param offTopicWords       words of OTHER sentences (all sentences)
 * @param disfluencySamples   sentences with at least one word (samples of the per-sentence disfluency rate)
 * @param disfluencyMean      running mean of the per-sentence disfluency rate (Welford)
 * @param disfluencyM2        running sum of squared deviations of that rate (Welford)
 * @param earlyWords          words of the first {@link MeterConstants#DRIFT_WINDOW} sentences
 * @param earlyWeak           fillers + vague + hedges in those sentences
 * @param lateWords           words of the last {@link MeterConstants#DRIFT_WINDOW} sentences, oldest first
 * @param lateWeak            fillers + vague + hedges of the same sentences
 * @param recentHashes        FNV-1a hashes of the last {@link MeterConstants#REPEAT_MEMORY} distinct normalized
 *                            sentences, least recently said first
 * @param substanceWords      sum over unique sentences of words x substance (0..1: a clause with
 *                            {@link MeterConstants#CONTENT_WORDS_FULL} content words is 1, see {@link Substance})
 * @param contentTokens       content words of unique sentences (each counted once per sentence)
 * @param distinctContent     content words said for the first time in the round (by {@code contentBits})
 * @param contentBits         a {@link MeterConstants#CONTENT_BITS}-bit set of the content words said so far (8 longs,
 *                            so the state stays small whatever the length of the round)
 * @param foreignWords        words of sentences judged not English (all sentences, {@link LanguageCheck})
 * @param placeholderSentences unique sentences holding a template placeholder ("by X%"): their figures are void
 */
public record MeterState(
        int sentenceCount,
        int uniqueSentences,
        int spokenWords,
        int uniqueWords,
        double plausibleWords,
        int repeatedSentences,
        int repeatedWords,
        int fillers,
        int hedges,
        int uniqueHedges,
        int falseStarts,
        int vague,
        int unsupported,
        int evidence,
        int firstPersonSingular,
        int firstPersonPlural,
        int actionVerbs,
        int contextSentences,
        int actionSentences,
        int resultSentences,
        int reflectionSentences,
        int otherSentences,
        int resultsWithEvidence,
        int resultEvidence,
        int firstContext,
        int firstAction,
        int firstResult,
        int firstReflection,
        int excessWords,
        int offTopicWords,
        int disfluencySamples,
        double disfluencyMean,
        double disfluencyM2,
        int earlyWords,
        int earlyWeak,
        List<Integer> lateWords,
        List<Integer> lateWeak,
        List<Long> recentHashes,
        double substanceWords,
        int contentTokens,
        int distinctContent,
        List<Long> contentBits,
        int foreignWords,
        int placeholderSentences) {

    public MeterState {
        lateWords = lateWords == null ? List.of() : List.copyOf(lateWords);
        lateWeak = lateWeak == null ? List.of() : List.copyOf(lateWeak);
        recentHashes = recentHashes == null ? List.of() : List.copyOf(recentHashes);
        contentBits = contentBits == null ? List.of() : List.copyOf(contentBits);
    }

    /** A round with nothing said yet: every meter at the neutral prior. */
    public static MeterState empty() {
        return new MeterState(0, 0, 0, 0, 0.0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, -1, -1, 0,
                0, 0, 0.0, 0.0, 0, 0, List.of(), List.of(), List.of(), 0.0, 0, 0, List.of(), 0, 0);
    }

    /** This state with one more sentence of the round (the next in order). Pure: {@code this} is unchanged. */
    public MeterState add(SentenceAnalysis sentence) {
        Objects.requireNonNull(sentence, "sentence");
        SentenceFeatures f = Objects.requireNonNull(sentence.features(), "sentence.features");
        SentenceTag tag = sentence.tag() == null ? SentenceTag.OTHER : sentence.tag();
        int words = nonNegative(f.wordCount());
        int sentenceFillers = nonNegative(f.fillerCount());
        int sentenceHedges = nonNegative(f.hedgeCount());
        int sentenceVague = nonNegative(f.vagueCount());
        int sentenceFalseStarts = TextSignals.falseStarts(sentence.text());
        int weak = sentenceFillers + sentenceVague + sentenceHedges;
        double ratio = f.plausibleWordRatio();
        ratio = Double.isNaN(ratio) ? 0.0 : Math.max(0.0, Math.min(1.0, ratio));
        int position = sentenceCount;

        // Repeat detection (bounded, least-recently-said evicted first).
        String normalized = TextSignals.normalize(sentence.text());
        List<Long> hashes = new ArrayList<>(recentHashes);
        boolean repeat = false;
        if (!normalized.isEmpty()) {
            Long h = TextSignals.hash(normalized);
            repeat = hashes.remove(h);
            hashes.add(h);
            while (hashes.size() > MeterConstants.REPEAT_MEMORY) {
                hashes.remove(0);
            }
        }

        // Delivery evidence: every sentence, repeats included.
        int nSamples = disfluencySamples;
        double mean = disfluencyMean;
        double m2 = disfluencyM2;
        if (words > 0) {
            double rate = (double) (sentenceFillers + sentenceHedges + sentenceFalseStarts) / words;
            nSamples++;
            double delta = rate - mean;
            mean += delta / nSamples;
            m2 += delta * (rate - mean);
        }
        int eWords = earlyWords;
        int eWeak = earlyWeak;
        if (position < MeterConstants.DRIFT_WINDOW) {
            eWords += words;
            eWeak += weak;
        }
        List<Integer> lWords = new ArrayList<>(lateWords);
        List<Integer> lWeak = new ArrayList<>(lateWeak);
        lWords.add(words);
        lWeak.add(weak);
        while (lWords.size() > MeterConstants.DRIFT_WINDOW) {
            lWords.remove(0);
            lWeak.remove(0);
        }

        // Content evidence: first occurrences only.
        int u = repeat ? 0 : 1;
        boolean unique = !repeat;
        boolean english = LanguageCheck.isEnglish(sentence.text());
        Substance.Reading reading = Substance.get().read(sentence.text());
        double sentenceSubstance = reading.clause()
                ? Math.min(1.0, reading.content() / MeterConstants.CONTENT_WORDS_FULL) : 0.0;
        long[] bits = new long[MeterConstants.CONTENT_BITS / 64];
        for (int b = 0; b < bits.length && b < contentBits.size(); b++) {
            bits[b] = contentBits.get(b) == null ? 0L : contentBits.get(b);
        }
        int newContent = 0;
        if (unique) {
            for (String w : reading.contentWords()) {
                int bit = (int) Long.remainderUnsigned(TextSignals.hash(w), MeterConstants.CONTENT_BITS);
                long mask = 1L << (bit % 64);
                if ((bits[bit / 64] & mask) == 0) {
                    bits[bit / 64] |= mask;
                    newContent++;
                }
            }
        }
        List<Long> nextBits = new ArrayList<>(bits.length);
        for (long b : bits) {
            nextBits.add(b);
        }
        // Diminishing returns: past a few per sentence, more figures or action verbs add nothing; a template
        // placeholder ("by X%") voids the sentence's figures.
        int sentenceEvidence = reading.placeholder() ? 0
                : Math.min(nonNegative(f.evidenceCount()), MeterConstants.MAX_EVIDENCE_PER_SENTENCE);
        int sentenceActions = Math.min(nonNegative(f.actionVerbCount()), MeterConstants.MAX_ACTION_VERBS_PER_SENTENCE);
        return new MeterState(
                sentenceCount + 1,
                uniqueSentences + u,
                spokenWords + words,
                uniqueWords + (unique ? words : 0),
                plausibleWords + (unique ? words * ratio : 0.0),
                repeatedSentences + (repeat ? 1 : 0),
                repeatedWords + (repeat ? words : 0),
                fillers + sentenceFillers,
                hedges + sentenceHedges,
                uniqueHedges + (unique ? sentenceHedges : 0),
                falseStarts + sentenceFalseStarts,
                vague + (unique ? sentenceVague : 0),
                unsupported + (unique ? nonNegative(f.unsupportedCount()) : 0),
                evidence + (unique ? sentenceEvidence : 0),
                firstPersonSingular + (unique ? nonNegative(f.firstPersonSingularCount()) : 0),
                firstPersonPlural + (unique ? nonNegative(f.firstPersonPluralCount()) : 0),
                actionVerbs + (unique ? sentenceActions : 0),
                contextSentences + (unique && tag == SentenceTag.CONTEXT ? 1 : 0),
                actionSentences + (unique && tag == SentenceTag.ACTION ? 1 : 0),
                resultSentences + (unique && tag == SentenceTag.RESULT ? 1 : 0),
                reflectionSentences + (unique && tag == SentenceTag.REFLECTION ? 1 : 0),
                otherSentences + (unique && tag == SentenceTag.OTHER ? 1 : 0),
                resultsWithEvidence + (unique && tag == SentenceTag.RESULT && sentenceEvidence > 0 ? 1 : 0),
                resultEvidence + (unique && tag == SentenceTag.RESULT ? sentenceEvidence : 0),
                firstOf(firstContext, unique && tag == SentenceTag.CONTEXT, position),
                firstOf(firstAction, unique && tag == SentenceTag.ACTION, position),
                firstOf(firstResult, unique && tag == SentenceTag.RESULT, position),
                firstOf(firstReflection, unique && tag == SentenceTag.REFLECTION, position),
                excessWords + Math.max(0, words - MeterConstants.LONG_SENTENCE_WORDS),
                offTopicWords + (tag == SentenceTag.OTHER ? words : 0),
                nSamples, mean, m2,
                eWords, eWeak,
                lWords, lWeak,
                hashes,
                substanceWords + (unique ? words * sentenceSubstance : 0.0),
                contentTokens + (unique ? reading.content() : 0),
                distinctContent + newContent,
                nextBits,
                foreignWords + (english ? 0 : words),
                placeholderSentences + (unique && reading.placeholder() ? 1 : 0));
    }

    /**
     * True when most of the round's words are not English ({@link MeterConstants#NOT_ENGLISH_SHARE}): the round is
     * not scored (its meters show the neutral prior and it does not move the offer probability).
     */
    public boolean notEnglish() {
        return spokenWords > 0 && foreignWords >= MeterConstants.NOT_ENGLISH_SHARE * spokenWords;
    }

    /** The five meters (integers 0–100) for the round so far. */
    public MeterValues values() {
        return MeterFormulas.breakdown(this).values();
    }

    /** Every intermediate number behind {@link #values()}, for explanations, docs and tests. */
    public MeterBreakdown breakdown() {
        return MeterFormulas.breakdown(this);
    }

    /** At most three hints, most useful first, in plain actionable language (docs/METERS.md, "Hints"). */
    public List<String> hints() {
        return MeterHints.of(this, MeterFormulas.breakdown(this));
    }

    private static int firstOf(int current, boolean matches, int position) {
        return current < 0 && matches ? position : current;
    }

    private static int nonNegative(int v) {
        return Math.max(0, v);
    }
}
