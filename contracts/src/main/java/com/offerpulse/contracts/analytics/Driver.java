package com.offerpulse.contracts.analytics;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.offerpulse.contracts.json.Require;

/** A signed contribution to the offer probability (log-odds points), with a plain-language detail. */
public record Driver(String meter, @JsonProperty(required = true) double contribution, String detail) {
    public Driver {
        Require.notBlank(meter, "meter");
        Require.notBlank(detail, "detail");
    }
}
