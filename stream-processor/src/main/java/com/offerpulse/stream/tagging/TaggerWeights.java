package com.offerpulse.stream.tagging;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import com.offerpulse.contracts.analytics.SentenceTag;

/**
 * The scoring knobs of {@code tagging/weights.properties} (cue weights themselves live in the cue files). Every
 * key is required, so a renamed key fails at load instead of silently falling back to a default.
 */
record TaggerWeights(double minimumScore, double perActionVerb, double perClaim, int maxClaims,
        double questionMark, int shortMaxWords, double shortSentence, double gibberishBelowRatio,
        int contextFallbackMinWords, double roleStatement, List<SentenceTag> tieOrder) {

    static TaggerWeights from(Properties p) {
        List<SentenceTag> order = new ArrayList<>();
        for (String name : required(p, "tie.order").split(",")) {
            order.add(SentenceTag.valueOf(name.strip().toUpperCase(Locale.ROOT)));
        }
        if (!EnumSet.copyOf(order).equals(EnumSet.allOf(SentenceTag.class)) || order.size() != 5) {
            throw new IllegalStateException("tagging/weights.properties: tie.order must list each tag once");
        }
        return new TaggerWeights(
                number(p, "score.minimum"),
                number(p, "action.per-action-verb"),
                number(p, "result.per-impact-claim"),
                (int) number(p, "result.max-impact-claims"),
                number(p, "other.question-mark"),
                (int) number(p, "other.short-sentence.max-words"),
                number(p, "other.short-sentence"),
                number(p, "other.gibberish.below-plausible-ratio"),
                (int) number(p, "context.fallback.min-words"),
                number(p, "context.role-statement"),
                List.copyOf(order));
    }

    private static double number(Properties p, String key) {
        try {
            return Double.parseDouble(required(p, key));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("tagging/weights.properties: " + key + " is not a number");
        }
    }

    private static String required(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("tagging/weights.properties: missing " + key);
        }
        return v.strip();
    }
}
