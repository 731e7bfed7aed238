package com.offerpulse.contracts.analytics;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.offerpulse.contracts.json.Require;

/**
 * The live meters of a round on {@code session.meters.v1}, keyed by session id: five scores 0–100, at most three
 * hints (most useful first), the last segment seq they include and the source timestamp of that segment.
 */
public record SessionMeters(String sessionId,
        @JsonProperty(required = true) int credibility,
        @JsonProperty(required = true) int starStructure,
        @JsonProperty(required = true) int confidenceStability,
        @JsonProperty(required = true) int impactStrength,
        @JsonProperty(required = true) int riskDrift,
        List<String> hints,
        @JsonProperty(required = true) long asOfSeq,
        Instant sourceTimestamp) {

    public static final int MAX_HINTS = 3;

    public SessionMeters {
        Require.notBlank(sessionId, "session_id");
        Require.between(credibility, 0, 100, "credibility");
        Require.between(starStructure, 0, 100, "star_structure");
        Require.between(confidenceStability, 0, 100, "confidence_stability");
        Require.between(impactStrength, 0, 100, "impact_strength");
        Require.between(riskDrift, 0, 100, "risk_drift");
        hints = List.copyOf(Require.maxSize(Require.present(hints, "hints"), MAX_HINTS, "hints"));
        Require.notNegative(asOfSeq, "as_of_seq");
        Require.present(sourceTimestamp, "source_timestamp");
    }

    public MeterValues values() {
        return new MeterValues(credibility, starStructure, confidenceStability, impactStrength, riskDrift);
    }
}
