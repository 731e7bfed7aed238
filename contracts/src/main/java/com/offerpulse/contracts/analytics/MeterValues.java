package com.offerpulse.contracts.analytics;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.offerpulse.contracts.json.Require;

/** The five meters of a round, each 0–100. */
public record MeterValues(
        @JsonProperty(required = true) int credibility,
        @JsonProperty(required = true) int starStructure,
        @JsonProperty(required = true) int confidenceStability,
        @JsonProperty(required = true) int impactStrength,
        @JsonProperty(required = true) int riskDrift) {

    public MeterValues {
        Require.between(credibility, 0, 100, "credibility");
        Require.between(starStructure, 0, 100, "star_structure");
        Require.between(confidenceStability, 0, 100, "confidence_stability");
        Require.between(impactStrength, 0, 100, "impact_strength");
        Require.between(riskDrift, 0, 100, "risk_drift");
    }
}
