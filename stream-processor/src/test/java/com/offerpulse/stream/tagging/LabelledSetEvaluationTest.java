package com.offerpulse.stream.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.offerpulse.contracts.analytics.SentenceTag;
import com.offerpulse.contracts.analytics.WeakSpan;
import com.offerpulse.contracts.analytics.WeakSpanKind;

/**
 * Measures the tagger against the hand-labelled interview sentences and fails below the floors recorded in
 * docs/TAGGING.md. Three sets: {@code labelled-sentences.tsv} (the tuning set; its misses are printed to help
 * tuning), {@code labelled-sentences-holdout.tsv} (labelled with it, never tuned against; only totals printed)
 * and {@code labelled-sentences-fresh.tsv} (written after tuning stopped; only totals printed).
 * Reports go to standard output (surefire keeps them in target/surefire-reports/*-output.txt).
 */
class LabelledSetEvaluationTest {

    // Floors: a few points under what the tagger achieves (docs/TAGGING.md, "Measured quality"); one sentence
    // is 0.4 points of the tuning set, 1.1 of the holdout and 1.9 of the fresh set.
    static final double TUNING_MIN_ACCURACY = 0.95;   // achieved 0.993
    static final double TUNING_MIN_MACRO_F1 = 0.95;   // achieved 0.994
    static final double TUNING_MIN_SPAN_F1 = 0.95;    // achieved 1.000 (weakest kind)
    static final double HOLDOUT_MIN_ACCURACY = 0.90;  // achieved 0.966
    static final double HOLDOUT_MIN_MACRO_F1 = 0.90;  // achieved 0.969
    static final double HOLDOUT_MIN_SPAN_F1 = 0.90;   // achieved 0.968 (UNSUPPORTED)
    static final double FRESH_MIN_ACCURACY = 0.80;    // achieved 0.885
    static final double FRESH_MIN_MACRO_F1 = 0.80;    // achieved 0.880
    static final double FRESH_MIN_SPAN_F1 = 0.85;     // achieved 0.909 (UNSUPPORTED)

    private final SentenceTagger tagger = SentenceTagger.load();

    record Labelled(SentenceTag tag, Set<WeakSpanKind> kinds, String sentence, int line) {
    }

    record Report(double accuracy, double macroF1, Map<WeakSpanKind, double[]> spanPrf, String text) {
        double minSpanF1() {
            return spanPrf.values().stream().mapToDouble(v -> v[2]).min().orElse(0);
        }
    }

    @Test
    void tuningSetMeetsFloors() {
        Report r = evaluate("tagging/labelled-sentences.tsv", true);
        System.out.println(r.text());
        assertThat(r.accuracy()).as("tuning accuracy").isGreaterThanOrEqualTo(TUNING_MIN_ACCURACY);
        assertThat(r.macroF1()).as("tuning macro-F1").isGreaterThanOrEqualTo(TUNING_MIN_MACRO_F1);
        assertThat(r.minSpanF1()).as("tuning weakest span-kind F1").isGreaterThanOrEqualTo(TUNING_MIN_SPAN_F1);
    }

    @Test
    void holdoutSetMeetsFloors() {
        Report r = evaluate("tagging/labelled-sentences-holdout.tsv", false);
        System.out.println(r.text());
        assertThat(r.accuracy()).as("holdout accuracy").isGreaterThanOrEqualTo(HOLDOUT_MIN_ACCURACY);
        assertThat(r.macroF1()).as("holdout macro-F1").isGreaterThanOrEqualTo(HOLDOUT_MIN_MACRO_F1);
        assertThat(r.minSpanF1()).as("holdout weakest span-kind F1").isGreaterThanOrEqualTo(HOLDOUT_MIN_SPAN_F1);
    }

    @Test
    void freshSetMeetsFloors() {
        Report r = evaluate("tagging/labelled-sentences-fresh.tsv", false);
        System.out.println(r.text());
        assertThat(r.accuracy()).as("fresh accuracy").isGreaterThanOrEqualTo(FRESH_MIN_ACCURACY);
        assertThat(r.macroF1()).as("fresh macro-F1").isGreaterThanOrEqualTo(FRESH_MIN_MACRO_F1);
        assertThat(r.minSpanF1()).as("fresh weakest span-kind F1").isGreaterThanOrEqualTo(FRESH_MIN_SPAN_F1);
    }

    @Test
    void labelledSetsAreLargeAndCoverEveryTagAndKind() {
        List<Labelled> tuning = read("tagging/labelled-sentences.tsv");
        assertThat(tuning).hasSizeGreaterThanOrEqualTo(220);
        for (SentenceTag tag : SentenceTag.values()) {
            long n = tuning.stream().filter(l -> l.tag() == tag).count();
            assertThat(n).as("sentences tagged " + tag).isGreaterThanOrEqualTo(tag == SentenceTag.OTHER ? 20 : 30);
        }
        for (WeakSpanKind kind : WeakSpanKind.values()) {
            long n = tuning.stream().filter(l -> l.kinds().contains(kind)).count();
            assertThat(n).as("sentences with " + kind).isGreaterThanOrEqualTo(40);
        }
        assertThat(read("tagging/labelled-sentences-holdout.tsv")).hasSizeGreaterThanOrEqualTo(60);
    }

    Report evaluate(String resource, boolean printMisses) {
        List<Labelled> set = read(resource);
        Map<SentenceTag, int[]> tagCounts = new EnumMap<>(SentenceTag.class); // tp, fp, fn
        Map<WeakSpanKind, int[]> kindCounts = new EnumMap<>(WeakSpanKind.class);
        for (SentenceTag t : SentenceTag.values()) {
            tagCounts.put(t, new int[3]);
        }
        for (WeakSpanKind k : WeakSpanKind.values()) {
            kindCounts.put(k, new int[3]);
        }
        int[][] confusion = new int[5][5];
        int correct = 0;
        StringBuilder misses = new StringBuilder();
        for (Labelled l : set) {
            SentenceAnalysis a = tagger.analyze(l.sentence());
            confusion[l.tag().ordinal()][a.tag().ordinal()]++;
            if (a.tag() == l.tag()) {
                correct++;
                tagCounts.get(l.tag())[0]++;
            } else {
                tagCounts.get(a.tag())[1]++;
                tagCounts.get(l.tag())[2]++;
            }
            Set<WeakSpanKind> predicted = EnumSet.noneOf(WeakSpanKind.class);
            for (WeakSpan s : a.weakSpans()) {
                predicted.add(s.kind());
            }
            for (WeakSpanKind k : WeakSpanKind.values()) {
                boolean want = l.kinds().contains(k);
                boolean got = predicted.contains(k);
                int[] c = kindCounts.get(k);
                if (want && got) {
                    c[0]++;
                } else if (got) {
                    c[1]++;
                } else if (want) {
                    c[2]++;
                }
            }
            if (printMisses && (a.tag() != l.tag() || !predicted.equals(l.kinds()))) {
                misses.append(String.format(Locale.ROOT, "  line %3d want %-10s %-28s got %-10s %-28s | %s%n",
                        l.line(), l.tag(), l.kinds(), a.tag(), predicted, l.sentence()));
                for (WeakSpan s : a.weakSpans()) {
                    misses.append("           ").append(s.kind()).append(" '")
                            .append(l.sentence(), s.start(), s.end()).append("'\n");
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n=== %s: %d sentences%n", resource, set.size()));
        double macro = 0;
        for (SentenceTag t : SentenceTag.values()) {
            double[] prf = prf(tagCounts.get(t));
            macro += prf[2] / SentenceTag.values().length;
            out.append(String.format(Locale.ROOT, "  %-10s precision %.3f recall %.3f F1 %.3f%n", t, prf[0], prf[1],
                    prf[2]));
        }
        double accuracy = set.isEmpty() ? 0 : (double) correct / set.size();
        out.append(String.format(Locale.ROOT, "  accuracy %.3f  macro-F1 %.3f%n", accuracy, macro));
        out.append("  confusion (rows = labelled, columns = predicted C A R Rf O):\n");
        for (SentenceTag t : SentenceTag.values()) {
            out.append(String.format(Locale.ROOT, "    %-10s", t));
            for (int j = 0; j < 5; j++) {
                out.append(String.format(Locale.ROOT, " %3d", confusion[t.ordinal()][j]));
            }
            out.append('\n');
        }
        Map<WeakSpanKind, double[]> spanPrf = new EnumMap<>(WeakSpanKind.class);
        for (WeakSpanKind k : WeakSpanKind.values()) {
            double[] prf = prf(kindCounts.get(k));
            spanPrf.put(k, prf);
            out.append(String.format(Locale.ROOT, "  span %-11s precision %.3f recall %.3f F1 %.3f%n", k, prf[0],
                    prf[1], prf[2]));
        }
        if (printMisses && misses.length() > 0) {
            out.append("  misses:\n").append(misses);
        }
        return new Report(accuracy, macro, spanPrf, out.toString());
    }

    private static double[] prf(int[] c) {
        double p = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
        double r = c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
        double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return new double[] {p, r, f};
    }

    static List<Labelled> read(String resource) {
        InputStream in = LabelledSetEvaluationTest.class.getClassLoader().getResourceAsStream(resource);
        assertThat(in).as(resource).isNotNull();
        List<Labelled> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#") || line.startsWith("tag\t")) {
                    continue;
                }
                String[] cols = line.split("\t", 3);
                assertThat(cols).as(resource + ":" + n).hasSize(3);
                Set<WeakSpanKind> kinds = EnumSet.noneOf(WeakSpanKind.class);
                if (!cols[1].strip().equals("-")) {
                    for (String k : cols[1].split(",")) {
                        kinds.add(WeakSpanKind.valueOf(k.strip()));
                    }
                }
                out.add(new Labelled(SentenceTag.valueOf(cols[0].strip()), kinds, cols[2].strip(), n));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
