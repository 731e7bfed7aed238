package com.offerpulse.stream.tagging;

import java.util.Map;

/**
 * A read-only open-addressing hash table from lower-case words to {@link WordClasses.WordInfo}, looked up
 * straight from a region of the sentence text: the token is lower-cased and hashed on the fly, so a known word
 * costs no substring, no lower-casing copy and no {@code String.hashCode} (the canonical key string is reused as
 * the token's normalised form). Tokens with characters outside ASCII take the ordinary {@code String} path.
 */
final class WordTable {

    private final int mask;
    private final int[] hashes;
    private final String[] keys;
    private final WordClasses.WordInfo[] values;

    WordTable(Map<String, WordClasses.WordInfo> entries) {
        int capacity = Integer.highestOneBit(Math.max(16, entries.size() * 4) - 1) << 1;
        mask = capacity - 1;
        hashes = new int[capacity];
        keys = new String[capacity];
        values = new WordClasses.WordInfo[capacity];
        // insertion in sorted order keeps the layout independent of map iteration order
        entries.keySet().stream().sorted().forEach(k -> {
            int h = k.hashCode();
            int idx = spread(h) & mask;
            while (keys[idx] != null) {
                idx = (idx + 1) & mask;
            }
            hashes[idx] = h;
            keys[idx] = k;
            values[idx] = entries.get(k);
        });
    }

    /**
     * The slot of the word {@code text[from, to)} compared case-insensitively (curly apostrophe as straight),
     * -1 when absent, or -2 when the region has a non-ASCII character and must be looked up by string.
     */
    int find(String text, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c += 32;
            } else if (c == '\u2019') {
                c = '\'';
            } else if (c > 127) {
                return -2;
            }
            h = 31 * h + c;
        }
        int idx = spread(h) & mask;
        int len = to - from;
        while (true) {
            String k = keys[idx];
            if (k == null) {
                return -1;
            }
            if (hashes[idx] == h && k.length() == len && regionEquals(k, text, from)) {
                return idx;
            }
            idx = (idx + 1) & mask;
        }
    }

    /** The slot of an already lower-cased word, or -1. */
    int find(String word) {
        int h = word.hashCode();
        int idx = spread(h) & mask;
        while (true) {
            String k = keys[idx];
            if (k == null) {
                return -1;
            }
            if (hashes[idx] == h && k.equals(word)) {
                return idx;
            }
            idx = (idx + 1) & mask;
        }
    }

    String key(int slot) {
        return keys[slot];
    }

    WordClasses.WordInfo value(int slot) {
        return values[slot];
    }

    private static boolean regionEquals(String key, String text, int from) {
        for (int i = 0; i < key.length(); i++) {
            char c = text.charAt(from + i);
            if (c >= 'A' && c <= 'Z') {
                c += 32;
            } else if (c == '\u2019') {
                c = '\'';
            }
            if (c != key.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
