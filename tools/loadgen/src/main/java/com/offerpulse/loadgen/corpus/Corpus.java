package com.offerpulse.loadgen.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The answers candidates speak ({@value #RESOURCE}): blocks of {@code role:}, {@code question:} and the spoken text,
 * separated by blank lines; {@code #} lines are comments.
 */
public final class Corpus {
    public static final String RESOURCE = "/loadgen/answers.txt";

    private final List<Answer> answers;

    private Corpus(List<Answer> answers) {
        if (answers.isEmpty()) {
            throw new IllegalArgumentException("The corpus holds no answer");
        }
        this.answers = List.copyOf(answers);
    }

    public static Corpus load() {
        try (InputStream in = Corpus.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing corpus resource " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Corpus parse(String content) {
        List<Answer> out = new ArrayList<>();
        String role = null;
        String question = null;
        StringBuilder text = new StringBuilder();
        for (String raw : (content + "\n\n").split("\r?\n", -1)) {
            String line = raw.strip();
            if (line.startsWith("#")) {
                continue;
            }
            if (line.isEmpty()) {
                if (role != null || question != null || text.length() > 0) {
                    if (role == null || question == null || text.length() == 0) {
                        throw new IllegalArgumentException("An answer needs role:, question: and text (near \""
                                + (question == null ? text : question) + "\")");
                    }
                    out.add(new Answer(role, question, text.toString()));
                }
                role = null;
                question = null;
                text.setLength(0);
            } else if (line.startsWith("role:") && text.length() == 0) {
                role = line.substring(5).strip();
            } else if (line.startsWith("question:") && text.length() == 0) {
                question = line.substring(9).strip();
            } else {
                if (text.length() > 0) {
                    text.append(' ');
                }
                text.append(line);
            }
        }
        return new Corpus(out);
    }

    public List<Answer> answers() {
        return answers;
    }

    public int size() {
        return answers.size();
    }

    /** The answer for a candidate's n-th round: candidates start at different answers and walk the corpus. */
    public Answer pick(int candidate, int round) {
        return answers.get(Math.floorMod(candidate * 7 + round, answers.size()));
    }
}
