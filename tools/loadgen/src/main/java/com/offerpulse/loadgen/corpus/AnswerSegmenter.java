package com.offerpulse.loadgen.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a spoken answer into final segments the way browser speech recognition delivers them: a segment ends at
 * the end of a sentence, at a clause break (comma, semicolon) once it has {@code minWords}, and at
 * {@code maxWords} regardless. Times follow a speaking pace of {@code wordsPerMinute}, so {@code start_ms}/
 * {@code end_ms} look like real audio offsets. Pure and deterministic.
 */
public final class AnswerSegmenter {
    public static final int DEFAULT_MIN_WORDS = 4;
    public static final int DEFAULT_MAX_WORDS = 12;
    public static final int DEFAULT_WORDS_PER_MINUTE = 150;

    private final int minWords;
    private final int maxWords;
    private final int wordsPerMinute;

    public AnswerSegmenter(int minWords, int maxWords, int wordsPerMinute) {
        if (minWords < 1 || maxWords < minWords || wordsPerMinute < 1) {
            throw new IllegalArgumentException("need 1 <= minWords <= maxWords and a positive pace");
        }
        this.minWords = minWords;
        this.maxWords = maxWords;
        this.wordsPerMinute = wordsPerMinute;
    }

    public static AnswerSegmenter defaults() {
        return new AnswerSegmenter(DEFAULT_MIN_WORDS, DEFAULT_MAX_WORDS, DEFAULT_WORDS_PER_MINUTE);
    }

    public List<SpokenSegment> segment(String answer) {
        String[] words = answer.strip().split("\\s+");
        List<SpokenSegment> out = new ArrayList<>();
        if (words.length == 1 && words[0].isEmpty()) {
            return out;
        }
        double msPerWord = 60_000.0 / wordsPerMinute;
        StringBuilder current = new StringBuilder();
        int inSegment = 0;
        int wordIndex = 0;
        int segmentStartWord = 0;
        for (String word : words) {
            if (current.length() > 0) {
                current.append(' ');
            }
            current.append(word);
            inSegment++;
            wordIndex++;
            boolean cut = endsSentence(word) || inSegment >= maxWords || (inSegment >= minWords && endsClause(word));
            if (cut || wordIndex == words.length) {
                out.add(new SpokenSegment(out.size() + 1, current.toString(), Math.round(segmentStartWord * msPerWord),
                        Math.round(wordIndex * msPerWord)));
                current.setLength(0);
                inSegment = 0;
                segmentStartWord = wordIndex;
            }
        }
        return out;
    }

    static boolean endsSentence(String word) {
        if (word.isEmpty()) {
            return false;
        }
        char last = word.charAt(word.length() - 1);
        // "a.m." and similar abbreviations do not end a sentence for the splitter either.
        return last == '?' || last == '!' || (last == '.' && word.indexOf('.') == word.length() - 1);
    }

    static boolean endsClause(String word) {
        return word.endsWith(",") || word.endsWith(";");
    }
}
