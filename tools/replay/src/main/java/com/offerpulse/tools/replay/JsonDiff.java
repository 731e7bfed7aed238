package com.offerpulse.tools.replay;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.offerpulse.contracts.json.JsonCodec;

import tools.jackson.databind.JsonNode;

/**
 * The fields in which two JSON records differ, as {@code path: live → replay}. Transcript text never appears: a
 * {@code text} field is shown as its length only (the same rule as for logs).
 */
final class JsonDiff {
    private static final Set<String> TRANSCRIPT_FIELDS = Set.of("text");
    private static final int MAX_VALUE_LENGTH = 80;

    private JsonDiff() {
    }

    static List<String> between(byte[] live, byte[] replay, int max) {
        List<String> out = new ArrayList<>();
        if (live == null || replay == null) {
            out.add(live == null ? "only in the replay" : "only live");
            return out;
        }
        try {
            walk("", JsonCodec.mapper().readTree(live), JsonCodec.mapper().readTree(replay), out, max);
        } catch (RuntimeException e) {
            out.add("(not JSON: " + live.length + " vs " + replay.length + " bytes)");
        }
        return out;
    }

    private static void walk(String path, JsonNode a, JsonNode b, List<String> out, int max) {
        if (out.size() >= max || a.equals(b)) {
            return;
        }
        if (a.isObject() && b.isObject()) {
            Set<String> names = new TreeSet<>();
            a.propertyNames().forEach(names::add);
            b.propertyNames().forEach(names::add);
            for (String n : names) {
                JsonNode x = a.get(n);
                JsonNode y = b.get(n);
                String p = path.isEmpty() ? n : path + "." + n;
                if (x == null || y == null) {
                    if (out.size() < max) {
                        out.add(p + ": " + show(n, x) + " → " + show(n, y));
                    }
                } else {
                    walk(p, x, y, out, max);
                }
            }
            return;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                out.add(path + ": " + a.size() + " items → " + b.size() + " items");
            }
            Iterator<JsonNode> i = a.iterator();
            Iterator<JsonNode> j = b.iterator();
            for (int k = 0; i.hasNext() && j.hasNext(); k++) {
                walk(path + "[" + k + "]", i.next(), j.next(), out, max);
            }
            return;
        }
        String field = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
        out.add(path + ": " + show(field, a) + " → " + show(field, b));
    }

    private static String show(String field, JsonNode v) {
        if (v == null) {
            return "(absent)";
        }
        if (TRANSCRIPT_FIELDS.contains(field) && v.isString()) {
            return "<text, " + v.asString().length() + " chars>";
        }
        String s = v.toString();
        return s.length() > MAX_VALUE_LENGTH ? s.substring(0, MAX_VALUE_LENGTH) + "…" : s;
    }
}
