package com.offerpulse.stream.tagging;

import java.util.Arrays;
import java.util.Locale;

/**
 * A sentence cut into tokens in one left-to-right pass: words (letters and digits, with inner apostrophes,
 * hyphens, slashes and ampersands: {@code don't}, {@code on-call}, {@code A/B}, {@code R&D}), numbers (starting
 * with a digit or a currency sign, with inner {@code .} and {@code ,} between digits and a trailing {@code %}:
 * {@code 3,000}, {@code $1.2M}, {@code 99.9%}), dotted abbreviations ({@code e.g}, {@code U.S}) and single
 * punctuation characters. Each token keeps its character offsets into the sentence and a lower-cased form with
 * curly apostrophes straightened, which is what every lexicon is matched against.
 */
final class Tokens {

    /** Token kinds. */
    static final byte WORD = 0;
    static final byte NUMBER = 1;
    static final byte PUNCT = 2;

    final String text;
    final int size;
    final int[] start;
    final int[] end;
    final String[] norm;
    final byte[] kind;
    /** Class bits per token, filled in by {@link WordClasses#classify}. */
    final long[] classes;
    /** What the lexicons know about each token (null when nothing), filled in by {@link WordClasses#classify}. */
    final WordClasses.WordInfo[] info;

    private Tokens(String text, int size, int[] start, int[] end, String[] norm, byte[] kind) {
        this.text = text;
        this.size = size;
        this.start = start;
        this.end = end;
        this.norm = norm;
        this.kind = kind;
        this.classes = new long[size];
        this.info = new WordClasses.WordInfo[size];
    }

    boolean isWord(int i) {
        return kind[i] != PUNCT;
    }

    boolean isPunct(int i) {
        return kind[i] == PUNCT;
    }

    boolean hasClass(int i, long bit) {
        return i >= 0 && i < size && (classes[i] & bit) != 0;
    }

    /** The original text of tokens {@code [from, to)}, exactly as it appears in the sentence. */
    String surface(int from, int to) {
        return text.substring(start[from], end[to - 1]);
    }

    /** Tokens with their normalised forms, for load time (lexicon phrases). */
    static Tokens of(String text) {
        return scan(text, true);
    }

    /**
     * Tokens whose normalised forms are left for {@link WordClasses#classify} to fill in (it takes the canonical
     * string of a known word instead of allocating one).
     */
    static Tokens scan(String text) {
        return scan(text, false);
    }

    private static Tokens scan(String text, boolean normalize) {
        int n = text.length();
        int cap = Math.max(8, n / 3);
        int[] start = new int[cap];
        int[] end = new int[cap];
        String[] norm = new String[cap];
        byte[] kind = new byte[cap];
        int size = 0;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ' || (c > 127 || c < '!') && (Character.isWhitespace(c) || Character.isSpaceChar(c))) {
                i++;
                continue;
            }
            int j;
            byte k;
            boolean currency = isCurrency(c) && i + 1 < n && isDigit(text.charAt(i + 1));
            if (isLetterOrDigit(c) || currency) {
                j = i + 1;
                int segmentStart = i;
                while (j < n) {
                    char d = text.charAt(j);
                    if (isLetterOrDigit(d)) {
                        j++;
                    } else if ((d == '\'' || d == '\u2019') && j + 1 < n && Character.isLetter(text.charAt(j + 1))) {
                        j++;
                    } else if ((d == '-' || d == '/' || d == '&') && j + 1 < n
                            && Character.isLetterOrDigit(text.charAt(j + 1))
                            && Character.isLetterOrDigit(text.charAt(j - 1))) {
                        j++;
                    } else if ((d == '.' || d == ',') && isDigit(text.charAt(j - 1)) && j + 1 < n
                            && isDigit(text.charAt(j + 1))) {
                        j++;
                    } else if (d == '.' && j - segmentStart == 1 && Character.isLetter(text.charAt(j - 1))
                            && j + 1 < n && Character.isLetter(text.charAt(j + 1))
                            && (j + 2 >= n || !Character.isLetter(text.charAt(j + 2)))) {
                        // dotted abbreviation: e.g, i.e, U.S, a.m — single letters joined by dots
                        j++;
                        segmentStart = j;
                    } else {
                        break;
                    }
                }
                if (j < n && text.charAt(j) == '%' && isDigit(text.charAt(j - 1))) {
                    j++;
                }
                k = (currency || isDigit(c)) ? NUMBER : WORD;
            } else {
                j = i + 1;
                k = PUNCT;
            }
            if (size == start.length) {
                int grown = size * 2;
                start = Arrays.copyOf(start, grown);
                end = Arrays.copyOf(end, grown);
                norm = Arrays.copyOf(norm, grown);
                kind = Arrays.copyOf(kind, grown);
            }
            start[size] = i;
            end[size] = j;
            norm[size] = normalize || k == PUNCT ? normalize(text, i, j) : null;
            kind[size] = k;
            size++;
            i = j;
        }
        return new Tokens(text, size, start, end, norm, kind);
    }

    static String normalize(String text, int from, int to) {
        boolean plain = true;
        for (int p = from; p < to; p++) {
            char c = text.charAt(p);
            if (c == '\u2019' || Character.isUpperCase(c)) {
                plain = false;
                break;
            }
        }
        String s = text.substring(from, to);
        if (plain) {
            return s;
        }
        return s.replace('\u2019', '\'').toLowerCase(Locale.ROOT);
    }

    private static boolean isLetterOrDigit(char c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        return Character.isLetterOrDigit(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isCurrency(char c) {
        return c == '$' || c == '\u20ac' || c == '\u00a3';
    }
}
