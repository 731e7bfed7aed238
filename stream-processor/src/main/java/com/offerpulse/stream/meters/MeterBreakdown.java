package com.offerpulse.stream.meters;

import com.offerpulse.contracts.analytics.MeterValues;

/**
 * Every intermediate number behind the five meters of a {@link MeterState}; all shares and components are 0..1,
 * raw scores 0..100 (see docs/METERS.md for the formulas).
 *
 * @param uniqueWeight      evidence weight of the content meters: unique words / (unique words + PRIOR_WORDS)
 * @param spokenWeight      evidence weight of the delivery meters: spoken words / (spoken words + PRIOR_WORDS)
 * @param plausibleShare    plausible words / words, over unique sentences (1 when nothing was said)
 * @param repeatShare       repeated words / spoken words
 * @param quality           Q = min(1, plausibleShare / PLAUSIBLE_FULL) x (1 - repeatShare), multiplies the four
 *                          positive meters
 * @param specificity       credibility: evidence items per unique sentence against the target
 * @param concreteness      credibility: action verbs per unique sentence against the target
 * @param ownership         credibility: (I + 1) / (I + we + 2)
 * @param firmness          credibility: 1 - weak-claim penalty
 * @param rawCredibility    credibility before blending with the prior
 * @param coverage          STAR: weighted share of the four parts present (a result without evidence counts half)
 * @param order             STAR: share of the three order checks passed
 * @param balance           STAR: (1 - context excess) x (1 - share of OTHER sentences)
 * @param rawStar           STAR before blending
 * @param disfluencyRate    confidence: (fillers + hedges + false starts) / spoken words
 * @param disfluencySd      confidence: standard deviation of the per-sentence disfluency rate
 * @param level             confidence: 1 - min(1, DISFLUENCY_SCALE x rate)
 * @param stability         confidence: 1 - min(1, DISFLUENCY_SD_SCALE x sd)
 * @param rawConfidence     confidence before blending
 * @param hasResult         impact: 1 when a RESULT sentence exists
 * @param figures           impact: evidence items in results against RESULT_FIGURES_FULL
 * @param quantified        impact: share of RESULT sentences holding evidence
 * @param unsupportedPenalty impact: min(1, IMPACT_UNSUPPORTED_SCALE x unsupported per unique sentence)
 * @param rawImpact         impact before blending
 * @param excessShare       risk: words beyond the long-sentence limit / spoken words
 * @param offTopicShare     risk: words of OTHER sentences / spoken words
 * @param drift             risk: late weak rate - early weak rate (0 before 2 x DRIFT_WINDOW sentences, never negative)
 * @param gibberish         risk: max(0, PLAUSIBLE_FULL - plausibleShare) / PLAUSIBLE_FULL
 * @param rawRisk           risk before blending
 * @param values            the five meters as published (rounded, 0–100)
 * @param substanceShare    substance: word-weighted share of substantive sentences (1 when nothing was said)
 * @param distinctShare     substance: content words said for the first time / content words (1 below
 *                          DISTINCT_MIN_TOKENS)
 * @param substance         S = min(1, substanceShare / SUBSTANCE_OK) x min(1, distinctShare / DISTINCT_OK),
 *                          multiplies the four positive meters with Q
 * @param weOnly            the answer said "we" at least WE_ONLY_MIN times and never "I"
 * @param notEnglish        most words were in sentences judged not English: the meters show the neutral prior
 */
public record MeterBreakdown(
        double uniqueWeight,
        double spokenWeight,
        double plausibleShare,
        double repeatShare,
        double quality,
        double specificity,
        double concreteness,
        double ownership,
        double firmness,
        double rawCredibility,
        double coverage,
        double order,
        double balance,
        double rawStar,
        double disfluencyRate,
        double disfluencySd,
        double level,
        double stability,
        double rawConfidence,
        double hasResult,
        double figures,
        double quantified,
        double unsupportedPenalty,
        double rawImpact,
        double excessShare,
        double offTopicShare,
        double drift,
        double gibberish,
        double rawRisk,
        MeterValues values,
        double substanceShare,
        double distinctShare,
        double substance,
        boolean weOnly,
        boolean notEnglish) {
}
