package com.offerpulse.stream.tagging;

import java.util.List;

/**
 * Complete sentences found in a text, in order, and the unfinished tail (possibly empty) after the last one.
 * Both are trimmed, with inner whitespace collapsed to single spaces. A streaming caller keeps the remainder and
 * splits {@code remainder + " " + nextText} next time; see {@link SentenceSplitter}.
 *
 * @param sentences complete sentences, each with at least one letter or digit
 * @param remainder the text after the last complete sentence, not yet decided (possibly empty)
 */
public record SplitResult(List<String> sentences, String remainder) {
    public SplitResult {
        sentences = List.copyOf(sentences);
    }
}
