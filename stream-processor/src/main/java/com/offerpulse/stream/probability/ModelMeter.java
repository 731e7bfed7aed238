package com.offerpulse.stream.probability;

import java.util.List;
import java.util.function.ToIntFunction;

import com.offerpulse.contracts.analytics.MeterValues;

/**
 * The inputs of the offer-probability model: the five meters (risk drift counting negatively) and the
 * answer-length term. Names are the wire names used in {@code Driver.meter}; declaration order breaks ties.
 */
public enum ModelMeter {
    CREDIBILITY("credibility", "Credibility", OfferProbabilityModel.WEIGHT_CREDIBILITY, false,
            MeterValues::credibility,
            "specific, first-person evidence makes you believable",
            "vague or unsupported claims, and \"we\" where you mean \"I\", cost credibility",
            "Back every claim with a specific: the system, the number and what you did yourself (say \"I\", not \"we\")."),
    STAR_STRUCTURE("star_structure", "STAR structure", OfferProbabilityModel.WEIGHT_STAR_STRUCTURE, false,
            MeterValues::starStructure,
            "a clear situation, action, result and lesson are easy to follow",
            "missing or out-of-order STAR parts make the story hard to follow",
            "Tell it as STAR: a sentence or two of context, then your actions, then a measurable result and what you learned."),
    CONFIDENCE_STABILITY("confidence_stability", "Confidence stability",
            OfferProbabilityModel.WEIGHT_CONFIDENCE_STABILITY, false, MeterValues::confidenceStability,
            "steady delivery with few fillers or hedges",
            "fillers, hedges and false starts make you sound unsure",
            "Replace fillers and hedges (\"um\", \"I think\") with a short pause, and finish each sentence you start."),
    IMPACT_STRENGTH("impact_strength", "Impact strength", OfferProbabilityModel.WEIGHT_IMPACT_STRENGTH, false,
            MeterValues::impactStrength,
            "results backed by figures show what you delivered",
            "results without figures, or claims you didn't back up, hide your impact",
            "End with a measurable result: a percentage, time saved, money or users."),
    RISK_DRIFT("risk_drift", "Risk drift", OfferProbabilityModel.WEIGHT_RISK_DRIFT, true, MeterValues::riskDrift,
            "you stay concise and on topic",
            "long, wandering or repeated sentences read as rambling",
            "Keep it tight: short sentences, stay on the question and don't repeat yourself."),
    /** Not a meter: the cost of answers shorter than {@link OfferProbabilityModel#FULL_ANSWER_SENTENCES}. */
    ANSWER_LENGTH("answer_length", "Answer length", 0.0, false, m -> 0,
            "your answers are long enough to judge",
            "short answers cap your score",
            "Give a complete answer of at least five sentences: the situation, what you did, the result and what you learned.");

    private final String wireName;
    private final String label;
    private final double weight;
    private final boolean inverted;
    private final ToIntFunction<MeterValues> read;
    private final String positiveReason;
    private final String negativeReason;
    private final String fixAdvice;

    ModelMeter(String wireName, String label, double weight, boolean inverted, ToIntFunction<MeterValues> read,
            String positiveReason, String negativeReason, String fixAdvice) {
        this.wireName = wireName;
        this.label = label;
        this.weight = weight;
        this.inverted = inverted;
        this.read = read;
        this.positiveReason = positiveReason;
        this.negativeReason = negativeReason;
        this.fixAdvice = fixAdvice;
    }

    /** The five real meters, in declaration order. */
    public static final List<ModelMeter> METERS = List.of(CREDIBILITY, STAR_STRUCTURE, CONFIDENCE_STABILITY,
            IMPACT_STRENGTH, RISK_DRIFT);

    public String wireName() {
        return wireName;
    }

    public String label() {
        return label;
    }

    /** Share of this meter in the session-score index (the five weights add up to 1). */
    public double weight() {
        return weight;
    }

    /** True for risk drift: a higher value is worse. */
    public boolean inverted() {
        return inverted;
    }

    public int read(MeterValues values) {
        return read.applyAsInt(values);
    }

    /** The meter centred and scaled to -1..1, oriented so that higher is always better: (m - 50) / 50. */
    public double centred(MeterValues values) {
        double m = read(values);
        return inverted ? (50.0 - m) / 50.0 : (m - 50.0) / 50.0;
    }

    public String positiveReason() {
        return positiveReason;
    }

    public String negativeReason() {
        return negativeReason;
    }

    public String fixAdvice() {
        return fixAdvice;
    }
}
