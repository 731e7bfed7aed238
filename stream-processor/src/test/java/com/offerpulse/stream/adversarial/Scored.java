package com.offerpulse.stream.adversarial;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.offerpulse.contracts.analytics.MeterValues;
import com.offerpulse.contracts.analytics.UserOfferProbability;
import com.offerpulse.stream.meters.MeterState;
import com.offerpulse.stream.probability.OfferProbabilityModel;
import com.offerpulse.stream.probability.RoundResult;
import com.offerpulse.stream.tagging.SentenceSplitter;
import com.offerpulse.stream.tagging.SentenceTagger;
import com.offerpulse.stream.tagging.SplitResult;

/**
 * One answer of the adversarial set run through the live pipeline (splitter, tagger, meters, session score, offer
 * probability) exactly as a round is: sentences in order, the unfinished remainder flushed at the end.
 */
record Scored(String name, MeterState state, MeterValues meters, double roundScore, double probabilityAfterOne,
        double probabilityAfterThree, List<String> hints) {

    private static final SentenceSplitter SPLITTER = new SentenceSplitter();
    private static final SentenceTagger TAGGER = SentenceTagger.load();
    private static final OfferProbabilityModel MODEL = new OfferProbabilityModel();
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    static Scored of(String name) {
        return ofText(name, read(name));
    }

    static Scored ofText(String name, String text) {
        SplitResult split = SPLITTER.split(text);
        List<String> sentences = new ArrayList<>(split.sentences());
        if (!split.remainder().isBlank()) {
            sentences.add(split.remainder().strip());
        }
        MeterState state = MeterState.empty();
        for (String s : sentences) {
            state = state.add(TAGGER.analyze(s));
        }
        MeterValues meters = state.values();
        if (state.notEnglish()) {
            // As the user processor does: not scored, the estimate stays where it was (here the population prior).
            double prior = OfferProbabilityModel.priorProbability();
            return new Scored(name, state, meters, 0.0, prior, prior, state.hints());
        }
        double score = MODEL.sessionScore(meters, state.sentenceCount());
        List<RoundResult> rounds = new ArrayList<>();
        double[] p = new double[3];
        for (int i = 0; i < 3; i++) {
            rounds.add(new RoundResult("s-" + i, meters, score, state.sentenceCount(), T0.plusSeconds(3600L * i)));
            UserOfferProbability v = MODEL.compute("u", rounds, null, T0.plusSeconds(3600L * i));
            p[i] = v.offerProbability();
        }
        return new Scored(name, state, meters, score, p[0], p[2], state.hints());
    }

    static String read(String name) {
        try (InputStream in = Scored.class.getResourceAsStream("/adversarial/" + name + ".txt")) {
            if (in == null) {
                throw new IllegalArgumentException("no adversarial answer " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One line for the docs table. */
    String row() {
        return String.format(java.util.Locale.ROOT, "| %s | %d | %s | %.2f | %.4f | %.4f |", name,
                state.sentenceCount(), meters, roundScore, probabilityAfterOne, probabilityAfterThree);
    }
}
