package com.offerpulse.stream.probability;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.offerpulse.contracts.analytics.MeterValues;

/** Round fixtures for the model tests. */
final class Rounds {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final OfferProbabilityModel MODEL = new OfferProbabilityModel();

    private Rounds() {
    }

    static RoundResult round(int i, MeterValues meters, int sentences) {
        return new RoundResult("s-" + i, meters, MODEL.sessionScore(meters, sentences), sentences,
                T0.plusSeconds(3600L * i));
    }

    static List<RoundResult> same(int count, MeterValues meters, int sentences) {
        List<RoundResult> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(round(i, meters, sentences));
        }
        return out;
    }

    static MeterValues with(MeterValues v, int meter, int value) {
        return new MeterValues(meter == 0 ? value : v.credibility(), meter == 1 ? value : v.starStructure(),
                meter == 2 ? value : v.confidenceStability(), meter == 3 ? value : v.impactStrength(),
                meter == 4 ? value : v.riskDrift());
    }

    static int get(MeterValues v, int meter) {
        return switch (meter) {
            case 0 -> v.credibility();
            case 1 -> v.starStructure();
            case 2 -> v.confidenceStability();
            case 3 -> v.impactStrength();
            default -> v.riskDrift();
        };
    }
}
