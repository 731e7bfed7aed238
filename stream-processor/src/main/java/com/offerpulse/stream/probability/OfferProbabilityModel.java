package com.offerpulse.stream.probability;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import com.offerpulse.contracts.analytics.ConfidenceBand;
import com.offerpulse.contracts.analytics.DataSufficiency;
import com.offerpulse.contracts.analytics.Driver;
import com.offerpulse.contracts.analytics.MeterValues;
import com.offerpulse.contracts.analytics.UserOfferProbability;

/**
 * Session score and offer probability (docs/OFFER_PROBABILITY.md).
 *
 * <p>A round's session score is a linear index of its five meters (risk drift counting negatively), scaled by how
 * complete the answer was. The offer probability is a logistic function of the recency-weighted average session
 * score of the last rounds; because that average is linear in the meters, the log-odds split exactly into one signed
 * contribution per meter (the drivers) plus an answer-length term plus the intercept.
 *
 * <p>Stateless, thread-safe and deterministic: no clock, no randomness, no hash-ordered iteration; every published
 * number is rounded to {@link #DECIMALS} decimals.
 */
public final class OfferProbabilityModel {

    // ---- session-score index: the five weights add up to 1 --------------------------------------------------
    public static final double WEIGHT_CREDIBILITY = 0.25;
    public static final double WEIGHT_STAR_STRUCTURE = 0.20;
    public static final double WEIGHT_CONFIDENCE_STABILITY = 0.15;
    public static final double WEIGHT_IMPACT_STRENGTH = 0.25;
    public static final double WEIGHT_RISK_DRIFT = 0.15;
    /** Sentences at which an answer counts as complete; fewer scale the round's score by sentences / this. */
    public static final int FULL_ANSWER_SENTENCES = 5;

    // ---- logistic model -------------------------------------------------------------------------------------
    /** Log-odds of an offer at an average session score of 50. */
    public static final double INTERCEPT = -0.4;
    /** Log-odds per unit of (2 x average score / 100 - 1), i.e. from a score of 50 to 100 adds this much. */
    public static final double SCORE_SLOPE = 4.0;
    /** Weight of a round relative to the next newer one (the newest has weight 1). */
    public static final double RECENCY_DECAY = 0.75;
    /** Rounds the model reads (the newest); the caller is expected to keep no more. */
    public static final int MAX_ROUNDS = 10;

    // ---- confidence band (half-width in log-odds) ----------------------------------------------------------
    /** Half-width for one complete, perfectly consistent round with unlimited sentences. */
    public static final double BAND_BASE = 0.9;
    /** Added half-width per unit of spread (weighted standard deviation) of session scores on the 0..1 scale. */
    public static final double BAND_SPREAD = 2.0;
    /** Sentences per round at which the evidence factor is 1.5 (it falls from 2 toward 1 as sentences grow). */
    public static final double BAND_SENTENCE_HALF = 8.0;

    // ---- an estimate that does not overclaim (docs/OFFER_PROBABILITY.md "Prior, ceiling and bounded moves") ----
    /**
     * Log-odds of the population prior: where every candidate starts before any round (the log-odds of an average
     * session score of 50, about 0.40).
     */
    public static final double PRIOR_LOGIT = INTERCEPT;
    /** Weight of the prior in rounds: the evidence counts n / (n + PRIOR_ROUNDS) of its full pull. */
    public static final double PRIOR_ROUNDS = 1.5;
    /** Highest offer probability after one round, however strong (and lowest: 1 - this). */
    public static final double ONE_ROUND_CEILING = 0.75;
    /** Log-odds the ceiling rises by per further effective round. */
    public static final double CEILING_STEP = 0.35;
    /** Largest change of the estimate's log-odds one round can cause (about 24 points around the middle). */
    public static final double MAX_ROUND_MOVE = 1.0;
    /** Largest band half-width in log-odds for one effective round; it narrows with 1 / sqrt(effective rounds). */
    public static final double BAND_MAX = 0.8;

    // ---- output --------------------------------------------------------------------------------------------
    public static final int DECIMALS = 4;
    /** Probabilities and band edges are kept inside [P_FLOOR, P_CEIL] after rounding, so (0,1) holds strictly. */
    public static final double P_FLOOR = 0.0001;
    public static final double P_CEIL = 0.9999;
    public static final int MAX_FIX_NEXT = 3;
    /**
     * A meter whose recent (recency-weighted, completeness-scaled) centred value is below this still has headroom:
     * 0.5 is a meter of 75 (25 for risk drift). Such meters fill "what to fix next" after the negative drivers, so a
     * decent-but-not-strong answer still gets advice instead of an empty list.
     */
    public static final double STRONG_CENTRED = 0.5;
    /** Contributions smaller than this (in log-odds) are described as "close to neutral" in a driver's detail. */
    public static final double NEUTRAL_CONTRIBUTION = 0.1;
    /** Rounds up to which the data is "sparse"; none at 0, ok above. */
    public static final int SPARSE_MAX_ROUNDS = 2;

    private static final double SCALE = Math.pow(10, DECIMALS);

    private final FormulaVersion formula;

    /** The live formula, {@link FormulaVersion#V1}. */
    public OfferProbabilityModel() {
        this(FormulaVersion.V1);
    }

    /** Another formula version, for replays that compare formulas (the constants below describe v1). */
    public OfferProbabilityModel(FormulaVersion formula) {
        this.formula = Objects.requireNonNull(formula, "formula");
    }

    public FormulaVersion formula() {
        return formula;
    }

    /** Everything behind one offer probability, for explanations, docs and tests. */
    public record Explanation(
            double intercept,
            List<Driver> drivers,
            double logit,
            double probability,
            double halfWidth,
            double averageScore,
            double effectiveRounds,
            double meanSentences,
            double scoreSpread,
            double driverScale) {
    }

    // ---- one round -----------------------------------------------------------------------------------------

    /**
     * Session score 0–100: {@code 100 x c x (0.5 + 0.5 x I)} where {@code I} is the weighted sum of the centred
     * meters (-1..1, risk drift inverted) and {@code c = min(1, sentences / FULL_ANSWER_SENTENCES)} caps short
     * answers. Rounded to 2 decimals.
     */
    public double sessionScore(MeterValues meters, int sentenceCount) {
        Objects.requireNonNull(meters, "meters");
        double score = 100.0 * completeness(sentenceCount) * (0.5 + 0.5 * formula.index(meters));
        return Math.max(0.0, Math.min(100.0, Math.round(score * 100.0) / 100.0));
    }

    /**
     * Signed contributions (log-odds) of one complete round's meters, strongest first: {@code SCORE_SLOPE x weight x
     * centred meter}. With {@link #INTERCEPT} they add up to the log-odds of that round alone.
     */
    public List<Driver> roundDrivers(MeterValues meters) {
        return roundDrivers(meters, FULL_ANSWER_SENTENCES);
    }

    /**
     * As {@link #roundDrivers(MeterValues)}, scaled by the round's completeness, plus an {@code answer_length} driver
     * when the answer had fewer than {@link #FULL_ANSWER_SENTENCES} sentences. With {@link #INTERCEPT} they add up to
     * {@code INTERCEPT + SCORE_SLOPE x (2 x sessionScore / 100 - 1)}.
     */
    public List<Driver> roundDrivers(MeterValues meters, int sentenceCount) {
        Objects.requireNonNull(meters, "meters");
        double c = completeness(sentenceCount);
        List<Driver> drivers = new ArrayList<>();
        for (ModelMeter m : ModelMeter.METERS) {
            double contribution = round(SCORE_SLOPE * formula.weight(m) * c * m.centred(meters));
            drivers.add(new Driver(m.wireName(), contribution, roundDetail(m, m.read(meters), contribution)));
        }
        if (c < 1.0) {
            double contribution = round(SCORE_SLOPE * (c - 1.0));
            drivers.add(new Driver(ModelMeter.ANSWER_LENGTH.wireName(), contribution,
                    String.format(Locale.ROOT, "This answer had %d sentence%s: %s.", Math.max(0, sentenceCount),
                            sentenceCount == 1 ? "" : "s", ModelMeter.ANSWER_LENGTH.negativeReason())));
        }
        drivers.sort(STRONGEST_FIRST);
        return List.copyOf(drivers);
    }

    // ---- the user's view ---------------------------------------------------------------------------------

    /**
     * The user's offer-probability view from their recent rounds (oldest first; only the newest
     * {@link #MAX_ROUNDS} are read). {@code previous} is the view before the newest round (null for none): it gives
     * {@code delta_vs_last_session} and the running {@code sessions_count}. {@code updatedAt} is event time.
     */
    public UserOfferProbability compute(String userId, List<RoundResult> rounds, UserOfferProbability previous,
            Instant updatedAt) {
        List<RoundResult> window = window(rounds);
        int sessionsCount = previous == null ? window.size()
                : Math.max(window.size(), previous.sessionsCount() + 1);
        if (window.isEmpty()) {
            return new UserOfferProbability(userId, null, null, List.of(), List.of(), null, List.of(), 0,
                    DataSufficiency.NONE, updatedAt);
        }
        Explanation e = explain(window);
        double p = publish(e.probability());
        ConfidenceBand band = new ConfidenceBand(publish(sigmoid(e.logit() - e.halfWidth())),
                publish(sigmoid(e.logit() + e.halfWidth())));

        List<Driver> positive = new ArrayList<>();
        List<Driver> negative = new ArrayList<>();
        for (Driver d : e.drivers()) {
            if (d.contribution() > 0) {
                positive.add(d);
            } else if (d.contribution() < 0) {
                negative.add(d);
            }
        }
        positive.sort(STRONGEST_FIRST);
        negative.sort(STRONGEST_FIRST);

        Set<String> fixes = new LinkedHashSet<>();
        for (Driver d : negative) {
            if (fixes.size() == MAX_FIX_NEXT) {
                break;
            }
            fixes.add(byWireName(d.meter()).fixAdvice());
        }
        for (Driver d : withHeadroom(positive, e.driverScale())) {
            if (fixes.size() == MAX_FIX_NEXT) {
                break;
            }
            fixes.add(byWireName(d.meter()).fixAdvice());
        }

        Double previousProbability = previous == null ? null : previous.offerProbability();
        if (previousProbability == null && rounds.size() >= 2) {
            // No stored view: recompute the one after the previous round from the rounds we were given.
            previousProbability = publish(explain(rounds.subList(0, rounds.size() - 1)).probability());
        }
        Double delta = previousProbability == null ? null : round(p - previousProbability);

        DataSufficiency sufficiency = window.size() <= SPARSE_MAX_ROUNDS ? DataSufficiency.SPARSE : DataSufficiency.OK;
        return new UserOfferProbability(userId, p, band, positive, negative, delta, List.copyOf(fixes),
                sessionsCount, sufficiency, updatedAt);
    }

    /**
     * The model's arithmetic for a non-empty list of rounds (oldest first; only the newest {@link #MAX_ROUNDS} are
     * read): recency weights {@code RECENCY_DECAY^age} normalised to 1, per-meter contributions, the answer-length
     * term; the evidence's log-odds shrunk toward {@link #PRIOR_LOGIT} by {@code n / (n + PRIOR_ROUNDS)}, kept inside
     * the ceiling for the rounds seen and at most {@link #MAX_ROUND_MOVE} from the estimate before the newest round;
     * probability and band half-width. The drivers are scaled so that intercept + drivers = the published log-odds.
     */
    public Explanation explain(List<RoundResult> rounds) {
        List<RoundResult> window = window(rounds);
        if (window.isEmpty()) {
            throw new IllegalArgumentException("at least one round is needed");
        }
        // The estimate after each round in turn: a round moves it at most MAX_ROUND_MOVE from the one before.
        double previous = PRIOR_LOGIT;
        Explanation e = null;
        for (int end = 1; end <= window.size(); end++) {
            e = explainWindow(window.subList(0, end), previous);
            previous = e.logit();
        }
        return e;
    }

    /** The estimate for {@code window}, starting from {@code previousLogit} (the estimate before its newest round). */
    private Explanation explainWindow(List<RoundResult> window, double previousLogit) {
        int n = window.size();
        double[] w = new double[n];
        double total = 0.0;
        for (int i = 0; i < n; i++) {
            w[i] = Math.pow(formula.recencyDecay(), n - 1 - i);
            total += w[i];
        }
        double sumSquares = 0.0;
        for (int i = 0; i < n; i++) {
            w[i] /= total;
            sumSquares += w[i] * w[i];
        }
        double effectiveRounds = 1.0 / sumSquares;

        // The evidence alone, split into one signed contribution per meter plus the answer-length term.
        double evidence = INTERCEPT;
        double[] raw = new double[ModelMeter.METERS.size()];
        double[] averages = new double[raw.length];
        int k = 0;
        for (ModelMeter m : ModelMeter.METERS) {
            double weighted = 0.0;
            double average = 0.0;
            for (int i = 0; i < n; i++) {
                RoundResult r = window.get(i);
                weighted += w[i] * completeness(r.sentenceCount()) * m.centred(r.meters());
                average += w[i] * m.read(r.meters());
            }
            raw[k] = SCORE_SLOPE * formula.weight(m) * weighted;
            averages[k] = average;
            evidence += raw[k];
            k++;
        }
        double completeness = 0.0;
        double meanSentences = 0.0;
        double averageScore = 0.0;
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            RoundResult r = window.get(i);
            completeness += w[i] * completeness(r.sentenceCount());
            meanSentences += w[i] * Math.max(0, r.sentenceCount());
            scores[i] = completeness(r.sentenceCount()) * (0.5 + 0.5 * formula.index(r.meters()));
            averageScore += w[i] * scores[i];
        }
        double lengthTerm = SCORE_SLOPE * (completeness - 1.0);
        evidence += lengthTerm;

        // Shrink toward the population prior by how much is known, keep inside the ceiling, bound the move.
        double logit = PRIOR_LOGIT + effectiveRounds / (effectiveRounds + PRIOR_ROUNDS) * (evidence - PRIOR_LOGIT);
        double ceiling = logit(ONE_ROUND_CEILING) + CEILING_STEP * (effectiveRounds - 1.0);
        logit = Math.max(-ceiling, Math.min(ceiling, logit));
        logit = Math.max(previousLogit - MAX_ROUND_MOVE, Math.min(previousLogit + MAX_ROUND_MOVE, logit));
        // The drivers are the evidence's contributions scaled alike, so intercept + drivers = the published log-odds.
        // When the bounded move holds the estimate on the other side of the prior than this evidence (a bad round after
        // good ones), the drivers show 0 rather than flip their signs: the estimate is then carried by the rounds
        // before, not by what this window says.
        double scale = Math.abs(evidence - INTERCEPT) < 1e-12 ? 0.0
                : Math.max(0.0, (logit - INTERCEPT) / (evidence - INTERCEPT));

        List<Driver> drivers = new ArrayList<>();
        k = 0;
        for (ModelMeter m : ModelMeter.METERS) {
            double rounded = round(scale * raw[k]);
            drivers.add(new Driver(m.wireName(), rounded, viewDetail(m, averages[k], n, rounded)));
            k++;
        }
        double roundedLength = round(scale * lengthTerm);
        if (roundedLength != 0.0) {
            drivers.add(new Driver(ModelMeter.ANSWER_LENGTH.wireName(), roundedLength,
                    String.format(Locale.ROOT, "Your recent answers averaged %s sentences: %s.",
                            oneDecimal(meanSentences), ModelMeter.ANSWER_LENGTH.negativeReason())));
        }
        drivers.sort(STRONGEST_FIRST);

        double variance = 0.0;
        for (int i = 0; i < n; i++) {
            variance += w[i] * (scores[i] - averageScore) * (scores[i] - averageScore);
        }
        double spread = Math.sqrt(variance);
        double halfWidth = Math.min(BAND_MAX / Math.sqrt(effectiveRounds),
                (BAND_BASE + BAND_SPREAD * spread) / Math.sqrt(effectiveRounds)
                        * (1.0 + BAND_SENTENCE_HALF / (BAND_SENTENCE_HALF + meanSentences)));
        return new Explanation(INTERCEPT, List.copyOf(drivers), logit, sigmoid(logit), halfWidth,
                100.0 * averageScore, effectiveRounds, meanSentences, spread, scale);
    }

    /** The offer probability before any round: the population prior, as published. */
    public static double priorProbability() {
        return publish(sigmoid(PRIOR_LOGIT));
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /**
     * Positive meter drivers whose centred value (contribution / (slope x weight)) is still below
     * {@link #STRONG_CENTRED}, weakest first (ties in meter order).
     */
    private List<Driver> withHeadroom(List<Driver> positive, double scale) {
        List<Driver> weak = new ArrayList<>();
        if (scale <= 0.0) {
            return weak;
        }
        for (Driver d : positive) {
            ModelMeter m = byWireName(d.meter());
            if (m != ModelMeter.ANSWER_LENGTH && centredOf(d, scale) < STRONG_CENTRED) {
                weak.add(d);
            }
        }
        weak.sort(Comparator.comparingDouble((Driver d) -> centredOf(d, scale))
                .thenComparingInt(d -> byWireName(d.meter()).ordinal()));
        return weak;
    }

    /** The meter's recent centred value: its contribution before the shrink toward the prior. */
    private double centredOf(Driver d, double scale) {
        return d.contribution() / (scale * SCORE_SLOPE * formula.weight(byWireName(d.meter())));
    }

    /** Strongest first (by absolute contribution), ties in meter order. */
    private static final Comparator<Driver> STRONGEST_FIRST = Comparator
            .comparingDouble((Driver d) -> -Math.abs(d.contribution()))
            .thenComparingInt(d -> byWireName(d.meter()).ordinal());

    /** min(1, sentences / FULL_ANSWER_SENTENCES), 0 for no sentence. */
    public static double completeness(int sentenceCount) {
        return Math.min(1.0, Math.max(0, sentenceCount) / (double) FULL_ANSWER_SENTENCES);
    }

    /** The weighted sum of centred meters under the live formula, -1..1 (risk drift inverted). */
    public static double index(MeterValues meters) {
        return FormulaVersion.V1.index(meters);
    }

    public static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    public static double logit(double p) {
        return Math.log(p / (1.0 - p));
    }

    private static List<RoundResult> window(List<RoundResult> rounds) {
        if (rounds == null || rounds.isEmpty()) {
            return List.of();
        }
        for (RoundResult r : rounds) {
            Objects.requireNonNull(r, "round");
            Objects.requireNonNull(r.meters(), "round.meters");
        }
        int from = Math.max(0, rounds.size() - MAX_ROUNDS);
        return List.copyOf(rounds.subList(from, rounds.size()));
    }

    private static ModelMeter byWireName(String name) {
        for (ModelMeter m : ModelMeter.values()) {
            if (m.wireName().equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown meter " + name);
    }

    private static double round(double v) {
        double r = Math.round(v * SCALE) / SCALE;
        return r == 0.0 ? 0.0 : r; // never -0.0
    }

    private static double publish(double p) {
        return Math.max(P_FLOOR, Math.min(P_CEIL, round(p)));
    }

    private static String reason(ModelMeter m, double contribution) {
        if (Math.abs(contribution) < NEUTRAL_CONTRIBUTION) {
            return "close to neutral, neither helping nor hurting much";
        }
        return contribution > 0 ? m.positiveReason() : m.negativeReason();
    }

    private static String roundDetail(ModelMeter m, int value, double contribution) {
        return String.format(Locale.ROOT, "%s %d/100 in this round: %s.", m.label(), value, reason(m, contribution));
    }

    private static String viewDetail(ModelMeter m, double average, int rounds, double contribution) {
        String what = rounds == 1
                ? String.format(Locale.ROOT, "%s was %d/100 in your last round", m.label(), Math.round(average))
                : String.format(Locale.ROOT, "%s averaged %d/100 over your last %d rounds (recent ones weigh more)",
                        m.label(), Math.round(average), rounds);
        return what + ": " + reason(m, contribution) + ".";
    }

    private static String oneDecimal(double v) {
        return String.format(Locale.ROOT, "%.1f", Math.round(v * 10.0) / 10.0);
    }
}
