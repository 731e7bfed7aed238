package com.offerpulse.stream.tagging;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import com.offerpulse.contracts.analytics.WeakSpanKind;

/**
 * Hint templates from {@code tagging/hints.properties}. A template is chosen once per lexicon entry at load time,
 * most specific first: {@code <kind>.<phrase with _ for spaces>} (e.g. {@code vague.a_lot}), then
 * {@code <kind>.<section>} (e.g. {@code filler.sounds}), then {@code <kind>.default}. {@code {words}} in the
 * template is replaced by the matched words exactly as the candidate said them.
 */
final class HintTemplates {

    static final String WORDS = "{words}";

    private final Map<String, String> templates = new HashMap<>();

    HintTemplates(Properties properties) {
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key).strip();
            if (value.isEmpty()) {
                throw new IllegalStateException("tagging/hints.properties: empty hint for " + key);
            }
            templates.put(key.strip(), value);
        }
        for (WeakSpanKind kind : WeakSpanKind.values()) {
            if (!templates.containsKey(prefix(kind) + ".default")) {
                throw new IllegalStateException("tagging/hints.properties: missing " + prefix(kind) + ".default");
            }
        }
    }

    /** The template for an entry of a lexicon section. */
    String template(WeakSpanKind kind, String section, String phrase) {
        String p = prefix(kind);
        String byPhrase = templates.get(p + "." + phrase.replace(' ', '_'));
        if (byPhrase != null) {
            return byPhrase;
        }
        String bySection = templates.get(p + "." + section);
        return bySection != null ? bySection : templates.get(p + ".default");
    }

    static String render(String template, String words) {
        return template.replace(WORDS, words);
    }

    private static String prefix(WeakSpanKind kind) {
        return switch (kind) {
            case FILLER -> "filler";
            case VAGUE -> "vague";
            case UNSUPPORTED -> "unsupported";
        };
    }
}
