package com.offerpulse.contracts.session;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum EndReason {
    /** The candidate ended the round. */
    @JsonProperty("client") CLIENT,
    /** The stream processor ended it after the inactivity timeout. */
    @JsonProperty("timeout") TIMEOUT
}
