package com.offerpulse.stream.tagging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every lexicon phrase and pattern of the tagger in one token trie, so a sentence is matched against all of
 * them in a single pass of hash look-ups (no regular expressions, no per-entry scan). A pattern is a sequence of
 * slots: a literal word, or a {@code <class>} that matches any token of that {@link WordClasses word class};
 * {@code slot?} marks a slot optional (patterns are expanded into their variants at load time). Punctuation never
 * matches a slot, so a comma breaks a phrase ("you, know" is not "you know").
 */
final class PatternTrie {

    /**
     * What a matched pattern means: its lexicon, the rule (from its section) that judges it in context, its
     * section and phrase as written in the file, its weight, and its hint template (null for cues).
     */
    record Payload(Lex lex, int rule, String section, String phrase, double weight, String hint) {
    }

    /** The lexicon a pattern came from. */
    enum Lex {
        CONTEXT, ACTION, RESULT, REFLECTION, OTHER, FILLER, VAGUE, HEDGE, CLAIM, EVIDENCE
    }

    /** Receives each match: tokens {@code [start, end)} and what matched. */
    interface Sink {
        void match(int start, int end, Payload payload);
    }

    static final class Node {
        Map<String, Node> words;
        long[] classBits = new long[0];
        Node[] classNodes = new Node[0];
        Payload[] payloads = new Payload[0];

        Node word(String w) {
            if (words == null) {
                words = new HashMap<>();
            }
            return words.computeIfAbsent(w, k -> new Node());
        }

        Node klass(long bit) {
            for (int i = 0; i < classBits.length; i++) {
                if (classBits[i] == bit) {
                    return classNodes[i];
                }
            }
            classBits = Arrays.copyOf(classBits, classBits.length + 1);
            classNodes = Arrays.copyOf(classNodes, classNodes.length + 1);
            Node n = new Node();
            classBits[classBits.length - 1] = bit;
            classNodes[classNodes.length - 1] = n;
            return n;
        }
    }

    private record Slot(String word, long classBit, boolean optional) {
    }

    private final Node root = new Node();

    /** Adds one lexicon entry; {@code where} names the file and line for errors. */
    void add(String phrase, Payload payload, WordClasses classes, String where) {
        List<Slot> slots = new ArrayList<>();
        for (String piece : phrase.split(" ")) {
            boolean optional = piece.length() > 1 && piece.endsWith("?");
            String body = optional ? piece.substring(0, piece.length() - 1) : piece;
            if (body.startsWith("<") && body.endsWith(">") && body.length() > 2) {
                slots.add(new Slot(null, classes.bit(body.substring(1, body.length() - 1), where), optional));
            } else {
                Tokens t = Tokens.of(body);
                for (int i = 0; i < t.size; i++) {
                    if (t.isWord(i)) {
                        slots.add(new Slot(t.norm[i], 0L, optional));
                    }
                }
            }
        }
        if (slots.isEmpty()) {
            throw new IllegalStateException(where + ": entry has no words: '" + phrase + "'");
        }
        expand(slots, 0, root, payload, where);
    }

    private void expand(List<Slot> slots, int index, Node node, Payload payload, String where) {
        if (index == slots.size()) {
            if (node == root) {
                throw new IllegalStateException(where + ": every slot is optional");
            }
            for (Payload existing : node.payloads) {
                if (existing == payload) {
                    return; // two optional slots expanded to the same path
                }
            }
            node.payloads = Arrays.copyOf(node.payloads, node.payloads.length + 1);
            node.payloads[node.payloads.length - 1] = payload;
            return;
        }
        Slot s = slots.get(index);
        Node next = s.word() != null ? node.word(s.word()) : node.klass(s.classBit());
        expand(slots, index + 1, next, payload, where);
        if (s.optional()) {
            expand(slots, index + 1, node, payload, where);
        }
    }

    /** The words that start a pattern. */
    Set<String> firstWords() {
        return root.words == null ? Set.of() : root.words.keySet();
    }

    /** The node reached from the root by one word, or null. */
    Node firstNode(String word) {
        return root.words == null ? null : root.words.get(word);
    }

    /**
     * Reports every match of every pattern starting at every token, in order of start then length. The first
     * word of a pattern is not looked up again: {@link Tokens#info} already holds its node.
     */
    void matchAll(Tokens t, Sink sink) {
        long[] rootBits = root.classBits;
        for (int i = 0; i < t.size; i++) {
            if (!t.isWord(i)) {
                continue;
            }
            WordClasses.WordInfo info = t.info[i];
            if (info != null && info.firstNode != null) {
                walk(t, i, i + 1, info.firstNode, sink);
            }
            long cls = t.classes[i];
            for (int k = 0; k < rootBits.length; k++) {
                if ((cls & rootBits[k]) != 0) {
                    walk(t, i, i + 1, root.classNodes[k], sink);
                }
            }
        }
    }

    private void walk(Tokens t, int start, int pos, Node node, Sink sink) {
        if (pos > start) {
            for (Payload p : node.payloads) {
                sink.match(start, pos, p);
            }
        }
        if (pos >= t.size || !t.isWord(pos)) {
            return;
        }
        if (node.words != null) {
            Node next = node.words.get(t.norm[pos]);
            if (next != null) {
                walk(t, start, pos + 1, next, sink);
            }
        }
        long cls = t.classes[pos];
        long[] bits = node.classBits;
        for (int k = 0; k < bits.length; k++) {
            if ((cls & bits[k]) != 0) {
                walk(t, start, pos + 1, node.classNodes[k], sink);
            }
        }
    }
}
