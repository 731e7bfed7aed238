package com.offerpulse.query.share;

import java.util.Map;
import java.util.Optional;

/**
 * Plain words for the drivers a public snapshot names. Fixed sentences per model input, so nothing a user said or
 * typed (and no generated detail with numbers about their rounds) can reach a share page; an input without wording
 * here is left out.
 */
final class ShareWording {
    private record Words(String strength, String focus) {
    }

    private static final Map<String, Words> BY_METER = Map.of(
            "credibility", new Words("Backs claims with specific, first-hand evidence",
                    "Backing claims with specific evidence"),
            "star_structure", new Words("Tells stories in a clear situation, action, result order",
                    "Structuring answers as situation, action, result"),
            "confidence_stability", new Words("Steady, confident delivery",
                    "A steadier delivery with fewer fillers"),
            "impact_strength", new Words("Shows measurable results", "Putting numbers on results"),
            "risk_drift", new Words("Stays concise and on topic", "Staying concise and on topic"),
            "answer_length", new Words("Gives complete answers", "Giving complete, full-length answers"));

    private ShareWording() {
    }

    static Optional<String> strength(String meter) {
        return Optional.ofNullable(BY_METER.get(meter)).map(Words::strength);
    }

    static Optional<String> focus(String meter) {
        return Optional.ofNullable(BY_METER.get(meter)).map(Words::focus);
    }
}
