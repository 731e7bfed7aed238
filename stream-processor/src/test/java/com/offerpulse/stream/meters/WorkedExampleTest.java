package com.offerpulse.stream.meters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import com.offerpulse.contracts.analytics.MeterValues;
import com.offerpulse.stream.probability.OfferProbabilityModel;
import com.offerpulse.stream.tagging.SentenceAnalysis;
import com.offerpulse.stream.tagging.SentenceFeatures;

/**
 * The worked example of docs/METERS.md: prints the walk-through (see the test's output file) and pins the numbers
 * pasted into the doc, so the doc cannot drift from the code.
 */
class WorkedExampleTest {

    @Test
    void fiveSentenceAnswer() {
        List<SentenceAnalysis> answer = Answers.workedExample();
        MeterState s = MeterState.empty();
        StringBuilder out = new StringBuilder("\n| # | tag | words | features | cred | star | conf | impact | risk | first hint |\n"
                + "|---|---|---|---|---|---|---|---|---|---|\n");
        for (int k = 0; k < answer.size(); k++) {
            SentenceAnalysis a = answer.get(k);
            s = s.add(a);
            SentenceFeatures f = a.features();
            MeterValues v = s.values();
            List<String> hints = s.hints();
            out.append(String.format(Locale.ROOT, "| %d | %s | %d | %s | %d | %d | %d | %d | %d | %s |%n", k + 1,
                    a.tag(), f.wordCount(), features(f, TextSignals.falseStarts(a.text())), v.credibility(),
                    v.starStructure(), v.confidenceStability(), v.impactStrength(), v.riskDrift(),
                    hints.isEmpty() ? "(none)" : hints.get(0)));
        }
        MeterBreakdown b = s.breakdown();
        out.append('\n').append(s).append('\n').append(b).append('\n');
        out.append("hints: ").append(s.hints()).append('\n');
        out.append("session score: ").append(new OfferProbabilityModel().sessionScore(s.values(), s.sentenceCount()))
                .append('\n');
        MeterState longRound = MeterState.empty();
        for (int k = 0; k < 500; k++) {
            longRound = longRound.add(Say.action("I changed part " + (char) ('a' + k % 26) + (char) ('a' + k / 26 % 26)
                    + " of the system.").i(1).evidence(1).fillers(1).words(40).build());
        }
        out.append("state JSON bytes: worked example ").append(com.offerpulse.contracts.json.JsonCodec.encode(s).length)
                .append(", 500-sentence round ")
                .append(com.offerpulse.contracts.json.JsonCodec.encode(longRound).length).append('\n');
        System.out.println(out);

        assertThat(s.values()).isEqualTo(new MeterValues(72, 83, 69, 83, 17));
        assertThat(b.uniqueWeight()).isEqualTo(60.0 / 90.0);
        assertThat(new OfferProbabilityModel().sessionScore(s.values(), s.sentenceCount())).isEqualTo(78.15);
    }

    private static String features(SentenceFeatures f, int falseStarts) {
        StringBuilder sb = new StringBuilder();
        append(sb, "filler", f.fillerCount());
        append(sb, "hedge", f.hedgeCount());
        append(sb, "vague", f.vagueCount());
        append(sb, "unsupported", f.unsupportedCount());
        append(sb, "evidence", f.evidenceCount());
        append(sb, "I", f.firstPersonSingularCount());
        append(sb, "we", f.firstPersonPluralCount());
        append(sb, "action", f.actionVerbCount());
        append(sb, "false start", falseStarts);
        return sb.toString();
    }

    private static void append(StringBuilder sb, String name, int n) {
        if (n > 0) {
            sb.append(sb.length() == 0 ? "" : ", ").append(name).append(' ').append(n);
        }
    }
}
