package com.offerpulse.stream.tagging;

/**
 * Countable evidence about one sentence, computed by {@link SentenceTagger} and consumed by the meters. Every
 * count is over the sentence's own tokens (see docs/TAGGING.md for the exact rules and the word lists behind
 * each); all counts are {@code >= 0}. Typical values on spoken interview sentences of 5–22 words (412 labelled
 * sentences): most counts are 0 or 1 per sentence, rarely above 3; see docs/TAGGING.md "Feature ranges".
 *
 * @param wordCount                tokens that are words (letters, digits, apostrophes): "don't", "on-call",
 *                                 "$40k" and "12%" are one word each; punctuation is not counted
 * @param fillerCount              filler words and phrases: um, uh, like-as-filler, you know, I mean, basically,
 *                                 sort of / kind of (as a hedge), literally, honestly… — the FILLER spans of
 *                                 {@link SentenceAnalysis#weakSpans()} except repeated-word false starts ("I I"),
 *                                 which are FILLER spans too but are counted by the meters from the text
 * @param vagueCount               VAGUE weak spans (stuff, things, a lot, various, somehow, some + plural, a few,
 *                                 "better/faster" with no figure in the sentence…) — equals the VAGUE spans
 * @param unsupportedCount         UNSUPPORTED weak spans: claims of impact ("improved performance", "very
 *                                 successful", "much faster") in a sentence with no figure and no example —
 *                                 equals the UNSUPPORTED spans; 0 whenever {@code evidenceCount} has a figure
 * @param hedgeCount               hedges that weaken commitment (I think, maybe, probably, I guess, I'm not
 *                                 sure…); no spans of their own. A hedge that is already a FILLER span ("kind
 *                                 of", "sort of", "kinda") is counted once, in {@code fillerCount}
 * @param evidenceCount            concrete evidence: each run of numbers counts once ("12%", "$1.2M", "two
 *                                 weeks", "from 800 ms to 200 ms" = 2), plus figure phrases ("by half", "a
 *                                 third"), examples ("for example", "such as"), named metrics (NPS, p95, churn
 *                                 rate, "we measured"); "one" counts only before a unit ("one week")
 * @param firstPersonSingularCount I / me / my / mine / myself / I'm / I've / I'd / I'll
 * @param firstPersonPluralCount   we / us / our / ours / ourselves / we're / we've / we'd / we'll
 * @param actionVerbCount          ownership and action verbs (led, built, designed, decided, negotiated…, past
 *                                 or present), not when passive ("was built") or a noun ("the model")
 * @param plausibleWordRatio       0..1, share of word tokens that look like real English words (listed common
 *                                 words, their inflections, acronyms, numbers, English-shaped names); ~1.0 for
 *                                 normal speech, below 0.5 for keyboard mash ("asdf qwer" → 0); 0 when the
 *                                 sentence has no words
 */
public record SentenceFeatures(int wordCount, int fillerCount, int vagueCount, int unsupportedCount, int hedgeCount,
        int evidenceCount, int firstPersonSingularCount, int firstPersonPluralCount, int actionVerbCount,
        double plausibleWordRatio) {
}
