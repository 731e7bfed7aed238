package com.offerpulse.contracts.growth;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum PromptState {
    @JsonProperty("not_eligible") NOT_ELIGIBLE,
    @JsonProperty("eligible") ELIGIBLE,
    @JsonProperty("shown") SHOWN,
    @JsonProperty("dismissed") DISMISSED,
    @JsonProperty("submitted") SUBMITTED
}
