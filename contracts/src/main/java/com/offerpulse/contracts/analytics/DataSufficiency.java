package com.offerpulse.contracts.analytics;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum DataSufficiency {
    @JsonProperty("none") NONE,
    @JsonProperty("sparse") SPARSE,
    @JsonProperty("ok") OK
}
