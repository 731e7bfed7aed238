package com.offerpulse.stream.meters;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The two things the meters read from a sentence's raw text: false starts and a repeat-detection hash. */
public final class TextSignals {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");
    /** A dash that cuts speech: a dash with whitespace on at least one side ("we- we", "it — no"), not "state-of-the-art". */
    private static final Pattern CUT = Pattern.compile("\\s[-\u2010\u2013\u2014]|[-\u2010\u2013\u2014]\\s|--");
    private static final Pattern DIGITS = Pattern.compile("\\p{N}+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}#]+");

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private TextSignals() {
    }

    /**
     * False starts: word boundaries where the speaker restarted. A boundary counts once when the same word is said
     * twice in a row ("I I led", case-insensitive, words without digits) or when the gap between two words holds a cutting
     * dash ("we- we shipped", "it grew — no, doubled").
     */
    public static int falseStarts(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        Matcher m = WORD.matcher(text);
        String previous = null;
        int previousEnd = 0;
        int count = 0;
        while (m.find()) {
            String word = m.group().toLowerCase(Locale.ROOT);
            if (previous != null) {
                boolean repeated = word.equals(previous) && isLetters(word);
                boolean cut = CUT.matcher(text.substring(previousEnd, m.start())).find();
                if (repeated || cut) {
                    count++;
                }
            }
            previous = word;
            previousEnd = m.end();
        }
        return count;
    }

    /**
     * The sentence as compared for repeats: lower case, every run of digits replaced by {@code #} (so "by 40%" and
     * "by 41%" count as the same sentence), punctuation and spacing collapsed to single spaces. Empty when the
     * sentence holds no word.
     */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String s = text.toLowerCase(Locale.ROOT);
        s = DIGITS.matcher(s).replaceAll("#");
        s = NON_WORD.matcher(s).replaceAll(" ").trim();
        return s;
    }

    /** 64-bit FNV-1a of the UTF-8 bytes of {@link #normalize(String)}; stable across JVMs and releases. */
    public static long hash(String normalized) {
        long h = FNV_OFFSET;
        for (byte b : normalized.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= FNV_PRIME;
        }
        return h;
    }

    private static boolean isLetters(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!Character.isLetter(c) && c != '\'') {
                return false;
            }
        }
        return true;
    }
}
