package com.offerpulse.contracts.analytics;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.offerpulse.contracts.json.ContractViolation;
import com.offerpulse.contracts.json.Require;

/** A weak stretch of a sentence: characters {@code [start, end)} of its text, with an actionable hint. */
public record WeakSpan(@JsonProperty(required = true) int start, @JsonProperty(required = true) int end,
        WeakSpanKind kind, String hint) {

    public WeakSpan {
        if (start < 0) {
            throw new ContractViolation("start", "must not be negative");
        }
        if (end <= start) {
            throw new ContractViolation("end", "must be after start");
        }
        Require.present(kind, "kind");
        Require.notBlank(hint, "hint");
    }
}
