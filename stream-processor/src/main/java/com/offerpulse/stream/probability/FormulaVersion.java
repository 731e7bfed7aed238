package com.offerpulse.stream.probability;

import java.util.Locale;

import com.offerpulse.contracts.analytics.MeterValues;

/**
 * Versions of the offer-probability formula (docs/OFFER_PROBABILITY.md, "Formula versions"): the meter weights of
 * the session-score index and the recency decay. Everything else (intercept, slope, band, rounding) is shared.
 * {@link #V1} is what runs live; other versions exist so analysts can replay history under a candidate formula
 * (tools/replay {@code --formula v2}) and compare before switching.
 */
public enum FormulaVersion {
    /** The live formula: the weights of {@link ModelMeter} and {@link OfferProbabilityModel#RECENCY_DECAY}. */
    V1(OfferProbabilityModel.WEIGHT_CREDIBILITY, OfferProbabilityModel.WEIGHT_STAR_STRUCTURE,
            OfferProbabilityModel.WEIGHT_CONFIDENCE_STABILITY, OfferProbabilityModel.WEIGHT_IMPACT_STRENGTH,
            OfferProbabilityModel.WEIGHT_RISK_DRIFT, OfferProbabilityModel.RECENCY_DECAY),
    /**
     * Impact first, recent rounds weigh more: measurable results (impact strength 0.40) count most, delivery
     * (confidence stability 0.10) least, and each older round weighs 0.6 of the next newer one, so practice shows up
     * sooner.
     */
    V2(0.20, 0.15, 0.10, 0.40, 0.15, 0.6);

    private final double credibility;
    private final double starStructure;
    private final double confidenceStability;
    private final double impactStrength;
    private final double riskDrift;
    private final double recencyDecay;

    FormulaVersion(double credibility, double starStructure, double confidenceStability, double impactStrength,
            double riskDrift, double recencyDecay) {
        this.credibility = credibility;
        this.starStructure = starStructure;
        this.confidenceStability = confidenceStability;
        this.impactStrength = impactStrength;
        this.riskDrift = riskDrift;
        this.recencyDecay = recencyDecay;
    }

    /** The weight of a meter in the session-score index (the five add up to 1); 0 for answer length. */
    public double weight(ModelMeter meter) {
        return switch (meter) {
            case CREDIBILITY -> credibility;
            case STAR_STRUCTURE -> starStructure;
            case CONFIDENCE_STABILITY -> confidenceStability;
            case IMPACT_STRENGTH -> impactStrength;
            case RISK_DRIFT -> riskDrift;
            case ANSWER_LENGTH -> 0.0;
        };
    }

    /** Weight of a round relative to the next newer one. */
    public double recencyDecay() {
        return recencyDecay;
    }

    /** The weighted sum of centred meters, -1..1 (risk drift inverted). */
    public double index(MeterValues meters) {
        double index = 0.0;
        for (ModelMeter m : ModelMeter.METERS) {
            index += weight(m) * m.centred(meters);
        }
        return index;
    }

    /** {@code v1}, {@code v2} (as on the command line). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code v1} / {@code V2}; anything else is refused with the known versions named. */
    public static FormulaVersion parse(String name) {
        for (FormulaVersion v : values()) {
            if (v.wireName().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return v;
            }
        }
        throw new IllegalArgumentException("Unknown formula version '" + name + "'; known: v1, v2");
    }
}
