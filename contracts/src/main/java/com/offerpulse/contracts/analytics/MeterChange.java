package com.offerpulse.contracts.analytics;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.offerpulse.contracts.json.Require;

/** How one meter moved against the previous round; {@code before} and {@code delta} are null on a first round. */
public record MeterChange(String meter, Integer before, @JsonProperty(required = true) int after, Integer delta) {
    public MeterChange {
        Require.notBlank(meter, "meter");
    }
}
