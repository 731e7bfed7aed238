package com.offerpulse.contracts.transcript;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum Speaker {
    @JsonProperty("candidate") CANDIDATE,
    @JsonProperty("interviewer") INTERVIEWER
}
