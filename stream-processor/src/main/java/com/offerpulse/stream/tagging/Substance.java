package com.offerpulse.stream.tagging;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a sentence says something (docs/TAGGING.md, "Substance"): its content words (words of letters that are
 * not function words, STAR cue words, template buzzwords, listed action verbs or impact-claim words), whether it
 * has a clause (a verb and a content word around it, at least {@link #MIN_CLAUSE_WORDS} words) and whether it holds
 * a template placeholder ("by X%", "$Y", "[metric]"), which makes its figures and content void.
 *
 * <p>Rules, not a statistical parser: measured against the labelled sets and the adversarial set (docs/TAGGING.md),
 * they separate cue-word salad, figure lists and template answers from honest sentences, vague or strong, at
 * about 1 µs per sentence. Stateless and thread-safe once loaded.
 */
public final class Substance {

    /** Fewer words than this never make a clause ("Leadership.", "40%.", "Results and impact."). */
    public static final int MIN_CLAUSE_WORDS = 4;

    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'\\-]*|\\p{N}[\\p{N}.,]*");
    /** A template placeholder: a lone capital X/Y/Z/N next to % or $, or a bracketed slot. */
    private static final Pattern PLACEHOLDER = Pattern
            .compile("(?:\\$\\s?[XYZN]\\b|\\b[XYZN]\\s?%|\\b[XYZN]\\s?(?:percent|dollars|users|hours|days)\\b|\\[[^\\]]{1,30}\\])");
    /** Verbs that make a clause besides the listed action verbs: common verbs of telling a story. */
    private static final Set<String> CLAUSE_VERBS = Set.of("was", "were", "is", "are", "had", "has", "have", "did",
            "made", "got", "went", "came", "found", "took", "saw", "gave", "kept", "left", "began", "became", "felt",
            "knew", "thought", "told", "asked", "said", "needed", "wanted", "tried", "used", "worked", "looked",
            "happened", "stopped", "dropped", "fell", "rose", "grew", "cost", "meant", "learned", "learnt", "taught",
            "ran", "handled", "owned", "covered", "served", "sold", "helped", "do", "does", "make", "take", "work");

    /** One sentence's reading. */
    public record Reading(int words, List<String> contentWords, boolean clause, boolean placeholder) {

        public Reading {
            contentWords = List.copyOf(contentWords);
        }

        /** Distinct content words of the sentence. */
        public int content() {
            return contentWords.size();
        }
    }

    private static volatile Substance instance;

    private final Set<String> functionWords;
    private final Set<String> cueWords;
    private final Set<String> actionVerbs;

    private Substance(Set<String> functionWords, Set<String> cueWords, Set<String> actionVerbs) {
        this.functionWords = functionWords;
        this.cueWords = cueWords;
        this.actionVerbs = actionVerbs;
    }

    /** The lexicons on the classpath, loaded once. */
    public static Substance get() {
        Substance s = instance;
        if (s == null) {
            synchronized (Substance.class) {
                s = instance;
                if (s == null) {
                    s = load();
                    instance = s;
                }
            }
        }
        return s;
    }

    static Substance load() {
        LexiconFile lexicon = LexiconFile.load("substance.txt");
        Set<String> function = words(lexicon.requiredSection("function-words"));
        Set<String> cue = words(lexicon.requiredSection("cue-words"));
        Set<String> verbs = words(LexiconFile.load("action-verbs.txt").all());
        for (LexiconFile.Entry e : LexiconFile.load("impact-claims.txt").all()) {
            for (String w : e.phrase().split(" ")) {
                if (!w.startsWith("<") && !function.contains(w)) {
                    cue.add(w);
                }
            }
        }
        return new Substance(Set.copyOf(function), Set.copyOf(cue), Set.copyOf(verbs));
    }

    private static Set<String> words(List<LexiconFile.Entry> entries) {
        Set<String> out = new HashSet<>();
        for (LexiconFile.Entry e : entries) {
            for (String w : e.phrase().split(" ")) {
                if (!w.isEmpty() && !w.startsWith("<")) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    /** True for a listed English function word (lower case). */
    public boolean isFunctionWord(String lowerCaseWord) {
        return functionWords.contains(lowerCaseWord);
    }

    /** Reads one sentence; never null. */
    public Reading read(String sentence) {
        if (sentence == null || sentence.isBlank()) {
            return new Reading(0, List.of(), false, false);
        }
        boolean placeholder = PLACEHOLDER.matcher(sentence).find();
        Matcher m = WORD.matcher(sentence);
        int words = 0;
        boolean verb = false;
        Set<String> content = new LinkedHashSet<>();
        List<String> tokens = new ArrayList<>();
        while (m.find()) {
            String w = m.group().toLowerCase(Locale.ROOT);
            words++;
            tokens.add(w);
            if (Character.isDigit(w.charAt(0))) {
                continue;
            }
            boolean isVerb = actionVerbs.contains(w) || CLAUSE_VERBS.contains(w)
                    || (w.length() > 4 && w.endsWith("ed"));
            verb |= isVerb;
            if (w.length() < 3 || functionWords.contains(w) || cueWords.contains(w) || actionVerbs.contains(w)) {
                continue;
            }
            content.add(stem(w));
        }
        boolean clause = words >= MIN_CLAUSE_WORDS && verb && !content.isEmpty();
        return new Reading(words, placeholder ? List.of() : List.copyOf(content), clause && !placeholder,
                placeholder);
    }

    /** A light stem so "failure" and "failures", "fix" and "fixing" count as one word of content. */
    static String stem(String w) {
        if (w.length() > 5 && w.endsWith("ing")) {
            return w.substring(0, w.length() - 3);
        }
        if (w.length() > 4 && w.endsWith("es")) {
            return w.substring(0, w.length() - 2);
        }
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
            return w.substring(0, w.length() - 1);
        }
        if (w.length() > 4 && w.endsWith("ed")) {
            return w.substring(0, w.length() - 2);
        }
        return w;
    }
}
