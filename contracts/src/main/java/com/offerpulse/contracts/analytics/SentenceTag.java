package com.offerpulse.contracts.analytics;

/** STAR role of a sentence; OTHER where none fits. */
public enum SentenceTag {
    CONTEXT, ACTION, RESULT, REFLECTION, OTHER
}
