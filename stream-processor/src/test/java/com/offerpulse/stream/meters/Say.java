package com.offerpulse.stream.meters;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.offerpulse.contracts.analytics.SentenceTag;
import com.offerpulse.contracts.analytics.WeakSpan;
import com.offerpulse.contracts.analytics.WeakSpanKind;
import com.offerpulse.stream.tagging.SentenceAnalysis;
import com.offerpulse.stream.tagging.SentenceFeatures;

/**
 * Hand-made {@link SentenceAnalysis} values, as the tagger would produce them: the word count is counted from the
 * text, every other feature is set by hand.
 */
public final class Say {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");

    private final SentenceTag tag;
    private final String text;
    private int fillers;
    private int vague;
    private int unsupported;
    private int hedges;
    private int evidence;
    private int i;
    private int we;
    private int actions;
    private double plausible = 0.95;
    private Integer words;

    private Say(SentenceTag tag, String text) {
        this.tag = tag;
        this.text = text;
    }

    public static Say context(String text) {
        return new Say(SentenceTag.CONTEXT, text);
    }

    public static Say action(String text) {
        return new Say(SentenceTag.ACTION, text);
    }

    public static Say result(String text) {
        return new Say(SentenceTag.RESULT, text);
    }

    public static Say reflection(String text) {
        return new Say(SentenceTag.REFLECTION, text);
    }

    public static Say other(String text) {
        return new Say(SentenceTag.OTHER, text);
    }

    public Say fillers(int n) {
        fillers = n;
        return this;
    }

    public Say vague(int n) {
        vague = n;
        return this;
    }

    public Say unsupported(int n) {
        unsupported = n;
        return this;
    }

    public Say hedges(int n) {
        hedges = n;
        return this;
    }

    public Say evidence(int n) {
        evidence = n;
        return this;
    }

    public Say i(int n) {
        i = n;
        return this;
    }

    public Say we(int n) {
        we = n;
        return this;
    }

    public Say actions(int n) {
        actions = n;
        return this;
    }

    public Say plausible(double ratio) {
        plausible = ratio;
        return this;
    }

    public Say words(int n) {
        words = n;
        return this;
    }

    public static int countWords(String text) {
        Matcher m = WORD.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    public SentenceAnalysis build() {
        int wc = words != null ? words : countWords(text);
        List<WeakSpan> spans = new ArrayList<>();
        if (fillers > 0 && !text.isEmpty()) {
            spans.add(new WeakSpan(0, 1, WeakSpanKind.FILLER, "Pause instead of a filler."));
        }
        return new SentenceAnalysis(text, tag, spans,
                new SentenceFeatures(wc, fillers, vague, unsupported, hedges, evidence, i, we, actions, plausible));
    }

    public static MeterState play(List<SentenceAnalysis> sentences) {
        MeterState state = MeterState.empty();
        for (SentenceAnalysis s : sentences) {
            state = state.add(s);
        }
        return state;
    }

    public static List<SentenceAnalysis> all(Say... says) {
        List<SentenceAnalysis> out = new ArrayList<>();
        for (Say s : says) {
            out.add(s.build());
        }
        return List.copyOf(out);
    }
}
