package com.offerpulse.stream.meters;

/**
 * Every constant of the live meters, in one place. docs/METERS.md documents each one; change both together.
 *
 * <p>Vocabulary used below: <em>spoken</em> words/sentences are everything the candidate said in the round,
 * repeats included; <em>unique</em> words/sentences are first occurrences only (a sentence said again adds no new
 * content evidence).
 */
public final class MeterConstants {

    private MeterConstants() {
    }

    // ---- little evidence -------------------------------------------------------------------------------------

    /** Every meter starts here (an empty round shows 50 everywhere: "not enough evidence yet"). */
    public static final double NEUTRAL_PRIOR = 50.0;
    /** Words after which a meter sits halfway between the prior and the evidence: weight = W / (W + PRIOR_WORDS). */
    public static final double PRIOR_WORDS = 30.0;

    // ---- anti-gaming (the quality factor Q multiplies every positive meter) -----------------------------------

    /** Share of plausible words at or above which no gibberish penalty applies (names and jargon are tolerated). */
    public static final double PLAUSIBLE_FULL = 0.85;
    /** Normalized-sentence hashes kept for repeat detection (the most recently said ones). */
    public static final int REPEAT_MEMORY = 64;

    // ---- substance (docs/METERS.md "Substance": cue words, figures and filler are not content) ------------------

    /** Content words (see Substance) at which a sentence with a clause counts as fully substantive. */
    public static final double CONTENT_WORDS_FULL = 3.0;
    /** Word-weighted share of substantive sentences at or above which no substance cut applies. */
    public static final double SUBSTANCE_OK = 0.75;
    /** Share of content words said for the first time at or above which no repetition-of-content cut applies. */
    public static final double DISTINCT_OK = 0.65;
    /** Content words below which the distinct share is not judged (too little text). */
    public static final int DISTINCT_MIN_TOKENS = 12;
    /** Bits of the set of content words said so far (false "already said" about 1 in 10 at 50 distinct words). */
    public static final int CONTENT_BITS = 512;
    /** Figures counted per sentence at most (a sentence stacking more earns no more specificity). */
    public static final int MAX_EVIDENCE_PER_SENTENCE = 3;
    /** Action verbs counted per sentence at most ("I led, owned, drove and spearheaded" counts 2). */
    public static final int MAX_ACTION_VERBS_PER_SENTENCE = 2;
    /** Share of words in sentences judged not English at or above which the round is not scored. */
    public static final double NOT_ENGLISH_SHARE = 0.5;
    /** Credibility is multiplied by this when the answer says "we" (at least WE_ONLY_MIN times) and never "I". */
    public static final double WE_ONLY_CREDIBILITY = 0.55;
    public static final int WE_ONLY_MIN = 2;
    /** Risk Drift added at no substance at all (scaled by 1 - the substance factor). */
    public static final double RISK_W_EMPTY = 0.6;

    // ---- credibility ----------------------------------------------------------------------------------------

    /** Evidence items per unique sentence that earn full specificity (one every two sentences). */
    public static final double EVIDENCE_PER_SENTENCE = 0.5;
    /** Action verbs per unique sentence that earn full concreteness. */
    public static final double ACTION_VERBS_PER_SENTENCE = 1.0;
    /** Weak-claim rate ((vague + hedges + 2 x unsupported) per unique word) times this = weakness penalty (capped 1). */
    public static final double WEAK_CLAIM_SCALE = 8.0;
    /** An unsupported claim weighs this many vague words in the weakness penalty. */
    public static final double UNSUPPORTED_WEIGHT = 2.0;
    public static final double CRED_W_SPECIFICITY = 0.35;
    public static final double CRED_W_CONCRETENESS = 0.10;
    public static final double CRED_W_OWNERSHIP = 0.25;
    public static final double CRED_W_FIRMNESS = 0.30;

    // ---- STAR structure -------------------------------------------------------------------------------------

    public static final double STAR_PART_CONTEXT = 0.20;
    public static final double STAR_PART_ACTION = 0.30;
    public static final double STAR_PART_RESULT = 0.30;
    public static final double STAR_PART_REFLECTION = 0.20;
    /** Share of the Result part credited when no RESULT sentence holds evidence (a result should say what changed). */
    public static final double STAR_UNQUANTIFIED_RESULT_CREDIT = 0.5;
    /** Context share of unique sentences above which balance starts to drop (all context: balance 0). */
    public static final double STAR_CONTEXT_SHARE_OK = 0.40;
    public static final double STAR_W_COVERAGE = 0.50;
    public static final double STAR_W_ORDER = 0.25;
    public static final double STAR_W_BALANCE = 0.25;

    // ---- confidence stability --------------------------------------------------------------------------------

    /** Disfluency rate ((fillers + hedges + false starts) per spoken word) times this = level penalty (capped 1). */
    public static final double DISFLUENCY_SCALE = 6.0;
    /** Standard deviation of per-sentence disfluency rates times this = stability penalty (capped 1). */
    public static final double DISFLUENCY_SD_SCALE = 4.0;
    public static final double CONF_W_LEVEL = 0.70;
    public static final double CONF_W_STABILITY = 0.30;

    // ---- impact strength ------------------------------------------------------------------------------------

    /** Evidence items inside RESULT sentences that earn full "figures" credit. */
    public static final double RESULT_FIGURES_FULL = 2.0;
    /** Unsupported claims per unique sentence times this = unsupported penalty (capped 1). */
    public static final double IMPACT_UNSUPPORTED_SCALE = 2.5;
    /** The unsupported penalty removes at most this share of the impact score. */
    public static final double IMPACT_UNSUPPORTED_MAX_CUT = 0.60;
    public static final double IMPACT_W_HAS_RESULT = 0.20;
    public static final double IMPACT_W_FIGURES = 0.45;
    public static final double IMPACT_W_QUANTIFIED = 0.35;

    // ---- risk drift (high = bad) -----------------------------------------------------------------------------

    /** Words of a sentence beyond this count as rambling ("excess words"). */
    public static final int LONG_SENTENCE_WORDS = 25;
    public static final double RISK_W_EXCESS = 2.0;
    public static final double RISK_W_OFF_TOPIC = 1.0;
    public static final double RISK_W_DRIFT = 3.0;
    public static final double RISK_W_REPEAT = 1.0;
    public static final double RISK_W_GIBBERISH = 1.0;
    /** Sentences in the "early" window (the first ones) and in the "late" window (the most recent ones). */
    public static final int DRIFT_WINDOW = 3;

    // ---- hints -----------------------------------------------------------------------------------------------

    public static final int MAX_HINTS = 3;
    /** Below this many unique words the "keep going" hint is raised (severity 1 - words / this). */
    public static final double KEEP_GOING_WORDS = 60.0;
    /** A hint is shown only when its priority (base x severity) reaches this. */
    public static final double MIN_HINT_PRIORITY = 5.0;
}
