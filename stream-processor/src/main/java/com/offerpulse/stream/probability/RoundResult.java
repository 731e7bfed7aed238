package com.offerpulse.stream.probability;

import java.time.Instant;

import com.offerpulse.contracts.analytics.MeterValues;

/** One ended round as the offer-probability model sees it. */
public record RoundResult(String sessionId, MeterValues meters, double sessionScore, int sentenceCount,
        Instant endedAt) {
}
