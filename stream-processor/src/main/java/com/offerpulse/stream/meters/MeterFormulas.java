package com.offerpulse.stream.meters;

import static com.offerpulse.stream.meters.MeterConstants.*;

import com.offerpulse.contracts.analytics.MeterValues;

/** The meter formulas of docs/METERS.md, as pure functions of a {@link MeterState}. */
public final class MeterFormulas {

    private MeterFormulas() {
    }

    public static MeterBreakdown breakdown(MeterState s) {
        double spoken = s.spokenWords();
        double unique = s.uniqueWords();
        double uniqueSentences = Math.max(1, s.uniqueSentences());

        // Little evidence: blend from the prior toward the evidence as words accumulate.
        double wUnique = unique / (unique + PRIOR_WORDS);
        double wSpoken = spoken / (spoken + PRIOR_WORDS);

        // Anti-gaming quality factor.
        double plausibleShare = unique == 0 ? 1.0 : clamp01(s.plausibleWords() / unique);
        double repeatShare = spoken == 0 ? 0.0 : clamp01(s.repeatedWords() / spoken);
        double quality = Math.min(1.0, plausibleShare / PLAUSIBLE_FULL) * (1.0 - repeatShare);

        // Substance: cue words, figures and filler are not content; nor is the same content said over and over.
        double substanceShare = unique == 0 ? 1.0 : clamp01(s.substanceWords() / unique);
        double distinctShare = s.contentTokens() < DISTINCT_MIN_TOKENS ? 1.0
                : clamp01((double) s.distinctContent() / s.contentTokens());
        double substance = Math.min(1.0, substanceShare / SUBSTANCE_OK) * Math.min(1.0, distinctShare / DISTINCT_OK);
        boolean weOnly = s.firstPersonSingular() == 0 && s.firstPersonPlural() >= WE_ONLY_MIN;

        // Credibility.
        double specificity = Math.min(1.0, s.evidence() / (EVIDENCE_PER_SENTENCE * uniqueSentences));
        double concreteness = Math.min(1.0, s.actionVerbs() / (ACTION_VERBS_PER_SENTENCE * uniqueSentences));
        double ownership = (s.firstPersonSingular() + 1.0) / (s.firstPersonSingular() + s.firstPersonPlural() + 2.0);
        double weakRate = unique == 0 ? 0.0
                : (s.vague() + s.uniqueHedges() + UNSUPPORTED_WEIGHT * s.unsupported()) / unique;
        double firmness = 1.0 - Math.min(1.0, WEAK_CLAIM_SCALE * weakRate);
        double rawCredibility = 100.0 * (CRED_W_SPECIFICITY * specificity + CRED_W_CONCRETENESS * concreteness
                + CRED_W_OWNERSHIP * ownership + CRED_W_FIRMNESS * firmness)
                * (weOnly ? WE_ONLY_CREDIBILITY : 1.0);

        // STAR structure.
        boolean c = s.contextSentences() > 0;
        boolean a = s.actionSentences() > 0;
        boolean r = s.resultSentences() > 0;
        boolean l = s.reflectionSentences() > 0;
        double resultCredit = !r ? 0.0
                : s.resultsWithEvidence() > 0 ? 1.0 : STAR_UNQUANTIFIED_RESULT_CREDIT;
        // The Action part is what the candidate did: told only with "we", it is half there.
        double coverage = (c ? STAR_PART_CONTEXT : 0) + (a ? STAR_PART_ACTION * (weOnly ? 0.5 : 1.0) : 0)
                + STAR_PART_RESULT * resultCredit
                + (l ? STAR_PART_REFLECTION : 0);
        int passed = 0;
        if (c && r && s.firstContext() < s.firstResult()) {
            passed++;
        }
        if (a && r && s.firstAction() < s.firstResult()) {
            passed++;
        }
        if (l && r && s.firstReflection() > s.firstResult()) {
            passed++;
        }
        double order = passed / 3.0;
        double balance = s.uniqueSentences() == 0 ? 0.0
                : (1.0 - Math.min(1.0, Math.max(0.0, s.contextSentences() / uniqueSentences - STAR_CONTEXT_SHARE_OK)
                        / (1.0 - STAR_CONTEXT_SHARE_OK)))
                        * (1.0 - s.otherSentences() / uniqueSentences);
        double rawStar = 100.0 * (STAR_W_COVERAGE * coverage + STAR_W_ORDER * order + STAR_W_BALANCE * balance);

        // Confidence stability.
        double disfluencyRate = spoken == 0 ? 0.0 : (s.fillers() + s.hedges() + s.falseStarts()) / spoken;
        double disfluencySd = s.disfluencySamples() == 0 ? 0.0
                : Math.sqrt(Math.max(0.0, s.disfluencyM2()) / s.disfluencySamples());
        double level = 1.0 - Math.min(1.0, DISFLUENCY_SCALE * disfluencyRate);
        double stability = 1.0 - Math.min(1.0, DISFLUENCY_SD_SCALE * disfluencySd);
        double rawConfidence = 100.0 * (CONF_W_LEVEL * level + CONF_W_STABILITY * stability);

        // Impact strength.
        double hasResult = r ? 1.0 : 0.0;
        double figures = Math.min(1.0, s.resultEvidence() / RESULT_FIGURES_FULL);
        double quantified = r ? (double) s.resultsWithEvidence() / s.resultSentences() : 0.0;
        double unsupportedPenalty = Math.min(1.0, IMPACT_UNSUPPORTED_SCALE * s.unsupported() / uniqueSentences);
        double rawImpact = 100.0
                * (IMPACT_W_HAS_RESULT * hasResult + IMPACT_W_FIGURES * figures + IMPACT_W_QUANTIFIED * quantified)
                * (1.0 - IMPACT_UNSUPPORTED_MAX_CUT * unsupportedPenalty);

        // Risk drift (high = bad).
        double excessShare = spoken == 0 ? 0.0 : s.excessWords() / spoken;
        double offTopicShare = spoken == 0 ? 0.0 : s.offTopicWords() / spoken;
        double drift = 0.0;
        if (s.sentenceCount() >= 2 * DRIFT_WINDOW) {
            double earlyRate = s.earlyWords() == 0 ? 0.0 : (double) s.earlyWeak() / s.earlyWords();
            int lateWords = sum(s.lateWords());
            double lateRate = lateWords == 0 ? 0.0 : (double) sum(s.lateWeak()) / lateWords;
            drift = Math.max(0.0, lateRate - earlyRate);
        }
        double gibberish = Math.max(0.0, PLAUSIBLE_FULL - plausibleShare) / PLAUSIBLE_FULL;
        double rawRisk = 100.0 * Math.min(1.0, RISK_W_EXCESS * excessShare + RISK_W_OFF_TOPIC * offTopicShare
                + RISK_W_DRIFT * drift + RISK_W_REPEAT * repeatShare + RISK_W_GIBBERISH * gibberish
                + RISK_W_EMPTY * (1.0 - substance));

        boolean notEnglish = s.notEnglish();
        double q = quality * substance;
        MeterValues values = notEnglish
                ? new MeterValues((int) NEUTRAL_PRIOR, (int) NEUTRAL_PRIOR, (int) NEUTRAL_PRIOR, (int) NEUTRAL_PRIOR,
                        (int) NEUTRAL_PRIOR)
                : new MeterValues(
                        meter(q * blend(rawCredibility, wUnique)),
                        meter(q * blend(rawStar, wUnique)),
                        meter(q * blend(rawConfidence, wSpoken)),
                        meter(q * blend(rawImpact, wUnique)),
                        meter(blend(rawRisk, wSpoken)));
        return new MeterBreakdown(wUnique, wSpoken, plausibleShare, repeatShare, quality, specificity, concreteness,
                ownership, firmness, rawCredibility, coverage, order, balance, rawStar, disfluencyRate, disfluencySd, level,
                stability, rawConfidence, hasResult, figures, quantified, unsupportedPenalty, rawImpact, excessShare,
                offTopicShare, drift, gibberish, rawRisk, values, substanceShare, distinctShare, substance, weOnly,
                notEnglish);
    }

    /** prior + weight x (raw - prior). */
    static double blend(double raw, double weight) {
        return NEUTRAL_PRIOR + weight * (raw - NEUTRAL_PRIOR);
    }

    /** Half-up rounding to an integer, clamped to 0–100. */
    static int meter(double v) {
        if (Double.isNaN(v)) {
            return (int) NEUTRAL_PRIOR;
        }
        return (int) Math.max(0, Math.min(100, Math.round(v)));
    }

    private static double clamp01(double v) {
        return Math.max(0.0, Math.min(1.0, v));
    }

    private static int sum(java.util.List<Integer> values) {
        int total = 0;
        for (Integer v : values) {
            total += v == null ? 0 : v;
        }
        return total;
    }
}
