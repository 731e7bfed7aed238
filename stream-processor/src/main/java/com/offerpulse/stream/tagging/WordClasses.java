package com.offerpulse.stream.tagging;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Named classes of single words (at most 64), used by the rules in code and by {@code <class>} slots in lexicon
 * patterns. Most classes are sections of a lexicon file (every section of {@code grammar.txt}, all of
 * {@code action-verbs.txt} and its [past] and [present] sections, every section of {@code context-rules.txt}, the
 * number words of {@code evidence.txt}); a few are computed from the token's shape: {@code <any>} any word or
 * number, {@code <num>} a number (digits or a number word), {@code <ing>} a word ending in -ing, {@code <ed>} a
 * word ending in -ed, {@code <ed-unlisted>} one that is not a listed action verb, {@code <cap>} a word starting
 * with a capital letter.
 */
final class WordClasses {

    /**
     * Everything the lexicons know about one word, found with a single hash look-up per token: its class bits,
     * the trie node of patterns that start with it, and whether it is a listed common word.
     */
    static final class WordInfo {
        final long mask;
        final PatternTrie.Node firstNode;
        final boolean common;

        WordInfo(long mask, PatternTrie.Node firstNode, boolean common) {
            this.mask = mask;
            this.firstNode = firstNode;
            this.common = common;
        }
    }

    static final String ANY = "any";
    static final String NUM = "num";
    static final String ING = "ing";
    static final String ED = "ed";
    static final String CAP = "cap";
    static final String ED_UNLISTED = "ed-unlisted";
    /** The class of listed action verbs, which {@code <ed-unlisted>} excludes. */
    static final String ACTION_VERB = "action-verb";

    private final Map<String, Long> bits = new LinkedHashMap<>();
    private final Map<String, Long> wordMasks = new HashMap<>();
    private WordTable table = new WordTable(Map.of());
    private long actionVerbBit;
    private final long anyBit;
    private final long numBit;
    private final long ingBit;
    private final long edBit;
    private final long capBit;
    private final long edUnlistedBit;
    private long numberWordBit;

    WordClasses() {
        anyBit = define(ANY);
        numBit = define(NUM);
        ingBit = define(ING);
        edBit = define(ED);
        capBit = define(CAP);
        edUnlistedBit = define(ED_UNLISTED);
    }

    /** Registers a class name (idempotent) and returns its bit. */
    long define(String name) {
        Long bit = bits.get(name);
        if (bit != null) {
            return bit;
        }
        if (bits.size() == 64) {
            throw new IllegalStateException("more than 64 word classes; merge some sections");
        }
        long b = 1L << bits.size();
        bits.put(name, b);
        return b;
    }

    /** Adds single-word entries to a class; multi-word entries are ignored (classes hold single words). */
    void addWords(String className, List<LexiconFile.Entry> entries) {
        long bit = define(className);
        for (LexiconFile.Entry e : entries) {
            if (e.phrase().indexOf(' ') < 0) {
                wordMasks.merge(e.phrase(), bit, (a, b) -> a | b);
            }
        }
    }

    /** Marks the class whose words count as numbers for {@code <num>}. */
    void setNumberWordClass(String className) {
        numberWordBit = define(className);
    }

    /** The bit of a class, failing on an unknown name (a typo in a pattern). */
    long bit(String name, String where) {
        Long bit = bits.get(name);
        if (bit == null) {
            throw new IllegalStateException(where + ": unknown word class <" + name + ">; known: " + bits.keySet());
        }
        return bit;
    }

    long bit(String name) {
        return bit(name, "code");
    }

    /** The static class mask of a lower-case word (0 when it is in no class). */
    long maskOf(String word) {
        Long m = wordMasks.get(word);
        return m == null ? 0L : m;
    }

    /**
     * Builds the single look-up table from the classes, the trie's first words and the common words. Call once,
     * after every class and pattern is added; the instance is read-only afterwards.
     */
    void freeze(PatternTrie trie, Plausibility plausibility) {
        Set<String> keys = new HashSet<>(wordMasks.keySet());
        keys.addAll(trie.firstWords());
        keys.addAll(plausibility.words());
        Map<String, WordInfo> entries = new HashMap<>(keys.size() * 2);
        for (String k : keys) {
            entries.put(k, new WordInfo(maskOf(k), trie.firstNode(k), plausibility.isKnown(k)));
        }
        table = new WordTable(entries);
        Long listed = bits.get(ACTION_VERB);
        actionVerbBit = listed == null ? 0L : listed;
    }

    /** Fills {@link Tokens#classes} and {@link Tokens#info} for every token. */
    void classify(Tokens t) {
        for (int i = 0; i < t.size; i++) {
            if (t.kind[i] == Tokens.PUNCT) {
                t.classes[i] = 0L;
                continue;
            }
            int slot = table.find(t.text, t.start[i], t.end[i]);
            String w;
            if (slot >= 0) {
                w = table.key(slot);
            } else {
                w = t.norm[i] != null ? t.norm[i] : Tokens.normalize(t.text, t.start[i], t.end[i]);
                if (slot == -2) {
                    slot = table.find(w);
                }
            }
            t.norm[i] = w;
            WordInfo wi = slot >= 0 ? table.value(slot) : null;
            t.info[i] = wi;
            long m = (wi == null ? 0L : wi.mask) | anyBit;
            if (t.kind[i] == Tokens.NUMBER || (m & numberWordBit) != 0) {
                m |= numBit;
            }
            int len = w.length();
            if (len >= 5 && w.endsWith("ing")) {
                m |= ingBit;
            }
            if (len >= 4 && w.endsWith("ed")) {
                m |= edBit;
                if ((m & actionVerbBit) == 0) {
                    m |= edUnlistedBit;
                }
            }
            if (Character.isUpperCase(t.text.charAt(t.start[i]))) {
                m |= capBit;
            }
            t.classes[i] = m;
        }
    }
}
