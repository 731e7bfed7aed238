package com.offerpulse.contracts.analytics;

public enum WeakSpanKind {
    VAGUE, UNSUPPORTED, FILLER
}
