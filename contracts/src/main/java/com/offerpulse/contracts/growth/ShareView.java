package com.offerpulse.contracts.growth;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.offerpulse.contracts.json.Require;

/**
 * The user-safe content of a share link: numbers and plain-language driver names only, never transcript text,
 * email or session ids.
 */
public record ShareView(Double offerProbability, Double changeOverPeriod, @JsonProperty(required = true) int periodDays,
        @JsonProperty(required = true) int roundsCompleted, List<String> strengths, List<String> focusAreas) {

    public ShareView {
        strengths = List.copyOf(Require.present(strengths, "strengths"));
        focusAreas = List.copyOf(Require.present(focusAreas, "focus_areas"));
    }
}
