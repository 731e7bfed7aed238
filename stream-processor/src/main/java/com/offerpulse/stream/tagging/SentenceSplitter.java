package com.offerpulse.stream.tagging;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits transcript text (speech recognition or typed, with or without punctuation) into complete sentences and
 * the unfinished tail. Word lists come from {@code tagging/splitting.txt}; the rules, also in docs/TAGGING.md:
 *
 * <ul>
 *   <li><b>Terminators.</b> A whitespace-separated chunk ending in {@code ?} or {@code !} (closing quotes and
 *       brackets may follow) ends a sentence. One ending in {@code .} does too, unless the word is an abbreviation
 *       that never ends a sentence ([abbreviations-never-end]: Mr., Dr., e.g., i.e., vs.…). A period inside a
 *       chunk never splits, which keeps decimals, money and versions whole (3.5, $1.2M, v2.1, U.S.).</li>
 *   <li><b>Look-ahead cases.</b> After an abbreviation that may end a sentence ([abbreviations-may-end]: etc.,
 *       U.S., Inc.…), a single capital initial ("J.") or an ellipsis ("…", "..."), the sentence ends only if the
 *       next word is capitalised — and, after an abbreviation or initial, is a common sentence opener
 *       ([sentence-openers]: "etc. The team…" splits, "J. Smith" and "U.S. Navy" do not). An ellipsis before a
 *       lower-case word is a pause, not an end.</li>
 *   <li><b>Long unpunctuated runs.</b> Speech recognition often omits punctuation. Once the current sentence has
 *       {@value #CUT_AFTER_WORDS} words, it ends before the next discourse marker of [cut-before] ("so", "but",
 *       "because", "and then", "after that"… but not "so that", "so much": [marker-not-before]) or after the
 *       next comma, semicolon or dash; from {@value #LATE_CUT_AFTER_WORDS} words also before "and", "which",
 *       "when" ([cut-before-late]); at {@value #HARD_CUT_AFTER_WORDS} words it ends regardless. A trailing comma
 *       of a cut sentence is dropped.</li>
 *   <li><b>Output.</b> Sentences and the remainder are trimmed with inner whitespace collapsed to one space;
 *       sentences without a letter or digit are dropped.</li>
 *   <li><b>Stable over streaming.</b> Every decision looks at most two words ahead. When the text ends before
 *       a decision can be made (an "etc." or "so" as the last word), splitting stops there and everything from
 *       the start of the current sentence is the remainder; so {@code split(a).remainder() + " " + more} yields
 *       the same sentences as splitting {@code a + " " + more} at once.</li>
 * </ul>
 *
 * Immutable and thread-safe.
 */
public final class SentenceSplitter {

    /** A run-on sentence may be cut once it has this many words. */
    static final int CUT_AFTER_WORDS = 40;
    /** From this many words a run-on sentence is also cut before weak markers ("and", "which"). */
    static final int LATE_CUT_AFTER_WORDS = 60;
    /** A sentence never grows past this many words. */
    static final int HARD_CUT_AFTER_WORDS = 80;

    private static final Object LOCK = new Object();
    private static volatile Rules sharedRules;

    private final Rules rules;

    public SentenceSplitter() {
        Rules r = sharedRules;
        if (r == null) {
            synchronized (LOCK) {
                r = sharedRules;
                if (r == null) {
                    r = new Rules(LexiconFile.load("splitting.txt"));
                    sharedRules = r;
                }
            }
        }
        this.rules = r;
    }

    private record Rules(Set<String> neverEnd, Set<String> mayEnd, Set<String> openers, List<String[]> cutBefore,
            List<String[]> cutBeforeLate, Set<String> markerNotBefore) {

        Rules(LexiconFile f) {
            this(words(f, "abbreviations-never-end"), words(f, "abbreviations-may-end"),
                    words(f, "sentence-openers"), phrases(f, "cut-before"), phrases(f, "cut-before-late"),
                    words(f, "marker-not-before"));
        }

        private static Set<String> words(LexiconFile f, String section) {
            Set<String> out = new HashSet<>();
            for (LexiconFile.Entry e : f.requiredSection(section)) {
                out.add(stripDots(e.phrase()));
            }
            return Set.copyOf(out);
        }

        private static List<String[]> phrases(LexiconFile f, String section) {
            List<String[]> out = new ArrayList<>();
            for (LexiconFile.Entry e : f.requiredSection(section)) {
                out.add(e.phrase().split(" "));
            }
            return List.copyOf(out);
        }
    }

    private enum Decision { CONTINUE, BOUNDARY, DEFER }

    /** Splits {@code text}; never null, never throws on odd input. */
    public SplitResult split(String text) {
        if (text == null || text.isBlank()) {
            return new SplitResult(List.of(), "");
        }
        int n = text.length();
        int[] cs = new int[Math.max(4, n / 4)];
        int[] ce = new int[cs.length];
        int chunks = 0;
        for (int i = 0; i < n;) {
            while (i < n && isSpace(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int j = i;
            while (j < n && !isSpace(text.charAt(j))) {
                j++;
            }
            if (chunks == cs.length) {
                cs = java.util.Arrays.copyOf(cs, chunks * 2);
                ce = java.util.Arrays.copyOf(ce, chunks * 2);
            }
            cs[chunks] = i;
            ce[chunks] = j;
            chunks++;
            i = j;
        }
        String[] key = new String[chunks];
        for (int c = 0; c < chunks; c++) {
            key[c] = markerKey(text.substring(cs[c], ce[c]));
        }

        List<String> sentences = new ArrayList<>();
        int sentenceStart = -1;
        int words = 0;
        for (int c = 0; c < chunks; c++) {
            if (sentenceStart >= 0 && words >= CUT_AFTER_WORDS) {
                Decision cut = cutBefore(text, cs, ce, key, chunks, c, words);
                if (cut == Decision.DEFER) {
                    break;
                }
                if (cut == Decision.BOUNDARY) {
                    addSentence(sentences, text, cs[sentenceStart], ce[c - 1], true);
                    sentenceStart = -1;
                    words = 0;
                }
            }
            if (sentenceStart < 0) {
                sentenceStart = c;
            }
            if (hasLetterOrDigit(text, cs[c], ce[c])) {
                words++;
            }
            Decision end = endsSentence(text, cs, ce, chunks, c);
            if (end == Decision.DEFER) {
                break;
            }
            if (end == Decision.BOUNDARY) {
                addSentence(sentences, text, cs[sentenceStart], ce[c], false);
                sentenceStart = -1;
                words = 0;
            }
        }
        String remainder = sentenceStart < 0 ? "" : collapse(text.substring(cs[sentenceStart], n));
        return new SplitResult(sentences, remainder);
    }

    /** Does chunk {@code c} end a sentence by punctuation? */
    private Decision endsSentence(String text, int[] cs, int[] ce, int chunks, int c) {
        int s = cs[c];
        int e = ce[c];
        while (e > s && isCloser(text.charAt(e - 1))) {
            e--;
        }
        if (e == s) {
            return Decision.CONTINUE;
        }
        char last = text.charAt(e - 1);
        if (last == '?' || last == '!') {
            return Decision.BOUNDARY;
        }
        boolean ellipsis = last == '\u2026' || (last == '.' && e - s >= 2 && text.charAt(e - 2) == '.');
        if (ellipsis) {
            if (c + 1 >= chunks) {
                return Decision.DEFER;
            }
            return startsUpper(text, cs[c + 1], ce[c + 1]) ? Decision.BOUNDARY : Decision.CONTINUE;
        }
        if (last != '.') {
            return Decision.CONTINUE;
        }
        int ws = s;
        while (ws < e - 1 && isOpener(text.charAt(ws))) {
            ws++;
        }
        String word = text.substring(ws, e - 1);
        if (word.isEmpty()) {
            return Decision.BOUNDARY;
        }
        String lower = stripDots(word.toLowerCase(Locale.ROOT));
        if (rules.neverEnd().contains(lower)) {
            return Decision.CONTINUE;
        }
        boolean initial = word.length() == 1 && Character.isUpperCase(word.charAt(0));
        boolean dotted = word.indexOf('.') > 0 && isDottedLetters(word);
        if (initial || dotted || rules.mayEnd().contains(lower)) {
            if (c + 1 >= chunks) {
                return Decision.DEFER;
            }
            String next = text.substring(cs[c + 1], ce[c + 1]);
            int k = 0;
            while (k < next.length() && isOpener(next.charAt(k))) {
                k++;
            }
            boolean upper = k < next.length() && Character.isUpperCase(next.charAt(k));
            return upper && rules.openers().contains(markerKey(next)) ? Decision.BOUNDARY : Decision.CONTINUE;
        }
        return Decision.BOUNDARY;
    }

    /** Should a long run-on sentence be cut before chunk {@code c}? */
    private Decision cutBefore(String text, int[] cs, int[] ce, String[] key, int chunks, int c, int words) {
        char prevLast = text.charAt(ce[c - 1] - 1);
        if (prevLast == ',' || prevLast == ';' || prevLast == ':' || prevLast == '\u2014' || prevLast == '\u2013') {
            return Decision.BOUNDARY;
        }
        if (words >= HARD_CUT_AFTER_WORDS) {
            return Decision.BOUNDARY;
        }
        Decision d = markerAt(key, chunks, c, rules.cutBefore());
        if (d != Decision.CONTINUE || words < LATE_CUT_AFTER_WORDS) {
            return d;
        }
        return markerAt(key, chunks, c, rules.cutBeforeLate());
    }

    private Decision markerAt(String[] key, int chunks, int c, List<String[]> markers) {
        Decision result = Decision.CONTINUE;
        for (String[] marker : markers) {
            boolean matches = true;
            int k = 0;
            for (; k < marker.length; k++) {
                if (c + k >= chunks) {
                    return Decision.DEFER; // the text ends inside a possible marker: decide later
                }
                if (!key[c + k].equals(marker[k])) {
                    matches = false;
                    break;
                }
            }
            if (!matches) {
                continue;
            }
            if (c + k >= chunks) {
                return Decision.DEFER; // need the word after the marker ("so that" is no marker)
            }
            if (!rules.markerNotBefore().contains(key[c + k])) {
                result = Decision.BOUNDARY;
            }
        }
        return result;
    }

    private static void addSentence(List<String> out, String text, int from, int to, boolean cut) {
        String s = collapse(text.substring(from, to));
        if (cut) {
            int e = s.length();
            while (e > 0 && (s.charAt(e - 1) == ',' || s.charAt(e - 1) == ';' || s.charAt(e - 1) == ':'
                    || s.charAt(e - 1) == '\u2014' || s.charAt(e - 1) == '\u2013')) {
                e--;
            }
            s = s.substring(0, e).strip();
        }
        if (hasLetterOrDigit(s, 0, s.length())) {
            out.add(s);
        }
    }

    /** Lower case, without surrounding punctuation: the form compared with marker and opener lists. */
    private static String markerKey(String chunk) {
        int s = 0;
        int e = chunk.length();
        while (s < e && !Character.isLetterOrDigit(chunk.charAt(s)) && chunk.charAt(s) != '\'') {
            s++;
        }
        while (e > s && !Character.isLetterOrDigit(chunk.charAt(e - 1))) {
            e--;
        }
        return chunk.substring(s, e).replace('\u2019', '\'').toLowerCase(Locale.ROOT);
    }

    private static String stripDots(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static boolean isDottedLetters(String word) {
        // U.S, e.g, a.m: single letters separated by dots
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            boolean letterSlot = i % 2 == 0;
            if (letterSlot ? !Character.isLetter(c) : c != '.') {
                return false;
            }
        }
        return true;
    }

    private static String collapse(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                space = b.length() > 0;
            } else {
                if (space) {
                    b.append(' ');
                    space = false;
                }
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean hasLetterOrDigit(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.isLetterOrDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsUpper(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                return Character.isUpperCase(c);
            }
        }
        return false;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isCloser(char c) {
        return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}' || c == '\u201d' || c == '\u2019'
                || c == '\u00bb';
    }

    private static boolean isOpener(char c) {
        return c == '"' || c == '\'' || c == '(' || c == '[' || c == '{' || c == '\u201c' || c == '\u2018'
                || c == '\u00ab';
    }
}
