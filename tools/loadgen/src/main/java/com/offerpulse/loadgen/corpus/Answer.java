package com.offerpulse.loadgen.corpus;

/** One interview answer of the corpus: the role, the question and the answer as it is spoken. */
public record Answer(String role, String question, String text) {
}
