package com.offerpulse.contracts.analytics;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.offerpulse.contracts.json.ContractViolation;

public record ConfidenceBand(@JsonProperty(required = true) double low, @JsonProperty(required = true) double high) {
    public ConfidenceBand {
        if (!(low > 0 && low <= high && high < 1)) {
            throw new ContractViolation("low", "must satisfy 0 < low <= high < 1");
        }
    }
}
