package com.offerpulse.query.views;

/**
 * Keys of the {@value QueryTopology#SENTENCE_STORE} store: {@code <sessionId>#<index, 10 digits>}. The fixed-width
 * index makes the byte order of the keys the order of the sentences, so a prefix scan on {@code <sessionId>#}
 * returns a round's transcript in order, and every key of a round has the same length (an update costs the same at
 * sentence 1 and at sentence 400).
 */
public final class SentenceKeys {
    static final char SEPARATOR = '#';
    /** Enough digits for any non-negative {@code int} index. */
    static final int INDEX_DIGITS = 10;

    private SentenceKeys() {
    }

    /** The key of sentence {@code index} of a round. */
    public static String of(String sessionId, int index) {
        String digits = Integer.toString(index);
        return prefix(sessionId) + "0".repeat(INDEX_DIGITS - digits.length()) + digits;
    }

    /** What every key of the round starts with. */
    public static String prefix(String sessionId) {
        return sessionId + SEPARATOR;
    }

    /**
     * A session id that contains the separator could make one round's prefix match another round's keys
     * ({@code a#} would match {@code a#b#…}); ingest never issues one, and the views skip it.
     */
    static boolean usable(String sessionId) {
        return sessionId != null && !sessionId.isEmpty() && sessionId.indexOf(SEPARATOR) < 0;
    }
}
