package com.offerpulse.contracts.json;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/**
 * Reads strings as Jackson does, then refuses any that is not Unicode text: a JSON escape of an unpaired UTF-16
 * surrogate ({@code "\ud800"}) or a 4-byte UTF-8 sequence beyond U+10FFFF, both of which Jackson lets through. Such
 * a string cannot be shown, stored or forwarded faithfully, so it is bad input (400), not data.
 */
final class UnicodeTextDeserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
        String value = super.deserialize(p, ctxt);
        if (value != null && !isWellFormed(value)) {
            throw DatabindException.from(p, "is not Unicode text (it holds an unpaired UTF-16 surrogate)");
        }
        return value;
    }

    /** True when every surrogate is part of a high-low pair. */
    static boolean isWellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
