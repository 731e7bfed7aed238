package com.offerpulse.stream.tagging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Does a token look like an English word? Used for {@link SentenceFeatures#plausibleWordRatio()} so that keyboard
 * mash ("asdf qwer zxcv") scores near 0 and normal speech near 1.
 *
 * <p>A word is plausible when any of these holds, tried in order:
 * <ol>
 *   <li>it is a number or contains a digit ({@code 40k}, {@code p95}, {@code B2B});</li>
 *   <li>it is in {@code tagging/common-words.txt} [words] (a few thousand common English and workplace words);</li>
 *   <li>it is an all-capitals acronym or initial of 1–5 letters ({@code API}, {@code CRM}, "plan B");</li>
 *   <li>its parts (around {@code -}, {@code /}, {@code &}, or before an apostrophe) are plausible;</li>
 *   <li>removing up to two suffixes of [suffixes] and/or one prefix of [prefixes] leaves a listed word
 *       ({@code onboarded → onboard}, {@code reprioritized → prioritize});</li>
 *   <li>its shape is English-like: 2–20 letters, a vowel (or y), no letter three times in a row, no run of
 *       five consonants, and every letter pair is one that occurs at least twice among the listed words
 *       (one unseen pair is tolerated in words of seven letters or more). Proper nouns such as Kubernetes or
 *       Salesforce pass here; "asdf" (sd, df), "qwer" (qw) and "zxcv" (no vowel) do not.</li>
 * </ol>
 */
final class Plausibility {

    private final Set<String> words = new HashSet<>();
    private final List<String> suffixes = new ArrayList<>();
    private final List<String> prefixes = new ArrayList<>();
    private final boolean[] seenPair = new boolean[26 * 26];
    /**
     * Verdicts for words that are not listed (morphology and shape checks are the slow path). The verdict of a
     * word never changes, so the cache cannot change any result; it stops growing at {@link #CACHE_LIMIT}.
     */
    private final ConcurrentHashMap<String, Boolean> verdicts = new ConcurrentHashMap<>();
    static final int CACHE_LIMIT = 50_000;

    Plausibility(LexiconFile file) {
        int[] pairCounts = new int[26 * 26];
        for (LexiconFile.Entry e : file.requiredSection("words")) {
            for (String w : e.phrase().split(" ")) {
                words.add(w);
                for (int i = 0; i + 1 < w.length(); i++) {
                    int a = w.charAt(i) - 'a';
                    int b = w.charAt(i + 1) - 'a';
                    if (a >= 0 && a < 26 && b >= 0 && b < 26) {
                        pairCounts[a * 26 + b]++;
                    }
                }
            }
        }
        for (int i = 0; i < pairCounts.length; i++) {
            seenPair[i] = pairCounts[i] >= 2;
        }
        file.requiredSection("suffixes").forEach(e -> suffixes.add(e.phrase()));
        file.requiredSection("prefixes").forEach(e -> prefixes.add(e.phrase()));
        suffixes.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        prefixes.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
    }

    boolean isKnown(String lower) {
        return words.contains(lower);
    }

    Set<String> words() {
        return words;
    }

    /** Token {@code i} of {@code t}: listed words are answered from the token's look-up, the rest by shape. */
    boolean isPlausible(Tokens t, int i) {
        WordClasses.WordInfo info = t.info[i];
        if ((info != null && info.common) || t.kind[i] == Tokens.NUMBER) {
            return true;
        }
        String lower = t.norm[i];
        boolean upper = Character.isUpperCase(t.text.charAt(t.start[i]));
        if (upper) {
            // acronyms depend on the original case: not cached
            return isPlausible(lower, t.text.substring(t.start[i], t.end[i]));
        }
        Boolean cached = verdicts.get(lower);
        if (cached != null) {
            return cached;
        }
        boolean verdict = isPlausible(lower, lower);
        if (verdicts.size() < CACHE_LIMIT) {
            verdicts.putIfAbsent(lower, verdict);
        }
        return verdict;
    }

    /** {@code lower} is the lower-cased token, {@code original} its text as written. */
    boolean isPlausible(String lower, String original) {
        if (words.contains(lower)) {
            return true;
        }
        for (int i = 0; i < lower.length(); i++) {
            if (Character.isDigit(lower.charAt(i))) {
                return true;
            }
        }
        int len = original.length();
        if (len >= 1 && len <= 5 && isAllUpper(original)) {
            return true;
        }
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == '-' || c == '/' || c == '&') {
                return partsPlausible(lower, original);
            }
        }
        int apostrophe = lower.indexOf('\'');
        if (apostrophe > 0) {
            return isPlausible(lower.substring(0, apostrophe), original.substring(0, apostrophe));
        }
        return knownByMorphology(lower, 2) || knownAfterPrefix(lower) || hasEnglishShape(lower);
    }

    private boolean partsPlausible(String lower, String original) {
        int from = 0;
        for (int i = 0; i <= lower.length(); i++) {
            if (i == lower.length() || lower.charAt(i) == '-' || lower.charAt(i) == '/' || lower.charAt(i) == '&') {
                if (i - from > 1 && !isPlausible(lower.substring(from, i), original.substring(from, i))) {
                    return false; // single letters are fine: A/B, R&D, e-mail
                }
                from = i + 1;
            }
        }
        return true;
    }

    private boolean knownByMorphology(String w, int depth) {
        if (words.contains(w)) {
            return true;
        }
        if (depth == 0) {
            return false;
        }
        for (String suffix : suffixes) {
            if (w.length() - suffix.length() >= 3 && w.endsWith(suffix)) {
                String base = w.substring(0, w.length() - suffix.length());
                if (knownByMorphology(base, depth - 1) || words.contains(base + "e")) {
                    return true;
                }
                int n = base.length();
                if (n >= 4 && base.charAt(n - 1) == base.charAt(n - 2) && words.contains(base.substring(0, n - 1))) {
                    return true; // stopped -> stop
                }
                if (base.charAt(n - 1) == 'i' && words.contains(base.substring(0, n - 1) + "y")) {
                    return true; // carried -> carry
                }
            }
        }
        return false;
    }

    private boolean knownAfterPrefix(String w) {
        for (String prefix : prefixes) {
            if (w.length() - prefix.length() >= 3 && w.startsWith(prefix)
                    && knownByMorphology(w.substring(prefix.length()), 2)) {
                return true;
            }
        }
        return false;
    }

    private boolean hasEnglishShape(String w) {
        int n = w.length();
        if (n < 2 || n > 20) {
            return false;
        }
        boolean vowel = false;
        int consonantRun = 0;
        int unseen = 0;
        for (int i = 0; i < n; i++) {
            char c = w.charAt(i);
            if (c < 'a' || c > 'z') {
                return Character.isLetter(c); // accented and other scripts: not judged here
            }
            if (i >= 2 && c == w.charAt(i - 1) && c == w.charAt(i - 2)) {
                return false;
            }
            boolean isVowel = c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
            vowel |= isVowel;
            consonantRun = isVowel ? 0 : consonantRun + 1;
            if (consonantRun >= 5) {
                return false;
            }
            if (i > 0) {
                char p = w.charAt(i - 1);
                if (!seenPair[(p - 'a') * 26 + (c - 'a')]) {
                    unseen++;
                }
            }
        }
        return vowel && unseen <= (n >= 7 ? 1 : 0);
    }

    private static boolean isAllUpper(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isUpperCase(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
