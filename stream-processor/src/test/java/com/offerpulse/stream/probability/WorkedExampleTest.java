package com.offerpulse.stream.probability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import com.offerpulse.contracts.analytics.Driver;
import com.offerpulse.contracts.analytics.UserOfferProbability;
import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.stream.meters.Answers;
import com.offerpulse.stream.meters.MeterState;
import com.offerpulse.stream.meters.Say;

/**
 * The worked example of docs/OFFER_PROBABILITY.md: three rounds (the rambling, the vague and the five-sentence
 * answer of docs/METERS.md). Prints every intermediate number and pins the ones pasted into the doc.
 */
class WorkedExampleTest {

    private final OfferProbabilityModel model = new OfferProbabilityModel();

    @Test
    void threeRounds() {
        MeterState r1 = Say.play(Answers.rambling());
        MeterState r2 = Say.play(Answers.vague());
        MeterState r3 = Say.play(Answers.workedExample());
        List<RoundResult> rounds = List.of(
                Rounds.round(0, r1.values(), r1.sentenceCount()),
                Rounds.round(1, r2.values(), r2.sentenceCount()),
                Rounds.round(2, r3.values(), r3.sentenceCount()));
        StringBuilder out = new StringBuilder("\n");
        for (RoundResult r : rounds) {
            out.append(String.format(Locale.ROOT, "%s %s sentences=%d score=%.2f%n", r.sessionId(), r.meters(),
                    r.sentenceCount(), r.sessionScore()));
        }
        double[] w = {Math.pow(0.75, 2), 0.75, 1.0};
        double total = w[0] + w[1] + w[2];
        out.append(String.format(Locale.ROOT, "weights %.5f %.5f %.5f%n", w[0] / total, w[1] / total, w[2] / total));
        for (ModelMeter m : ModelMeter.METERS) {
            double weighted = 0;
            StringBuilder zs = new StringBuilder();
            for (int i = 0; i < 3; i++) {
                double z = m.centred(rounds.get(i).meters());
                zs.append(String.format(Locale.ROOT, "%.2f ", z));
                weighted += w[i] / total * z;
            }
            out.append(String.format(Locale.ROOT, "%s z=[%s] weighted=%.5f contribution=%.5f%n", m.wireName(), zs,
                    weighted, 4.0 * m.weight() * weighted));
        }
        UserOfferProbability afterTwo = model.compute("u-1", rounds.subList(0, 2), null, Rounds.T0.plusSeconds(3600));
        OfferProbabilityModel.Explanation e = model.explain(rounds);
        out.append(e).append('\n');
        double sum = e.intercept();
        for (Driver d : e.drivers()) {
            sum += d.contribution();
        }
        out.append(String.format(Locale.ROOT, "intercept + drivers = %.4f, logit = %.6f, p = %.6f%n", sum, e.logit(),
                e.probability()));
        out.append(String.format(Locale.ROOT, "band logit [%.6f, %.6f]%n", e.logit() - e.halfWidth(),
                e.logit() + e.halfWidth()));
        UserOfferProbability view = model.compute("u-1", rounds, afterTwo, Rounds.T0.plusSeconds(7200));
        out.append("after two: ").append(JsonCodec.encodeToString(afterTwo)).append('\n');
        out.append("after three: ").append(JsonCodec.encodeToString(view)).append('\n');
        out.append("round drivers of round 3: ").append(model.roundDrivers(r3.values(), r3.sentenceCount()))
                .append('\n');
        System.out.println(out);

        assertThat(view.offerProbability()).isEqualTo(PINNED_P);
        assertThat(view.deltaVsLastSession()).isEqualTo(PINNED_DELTA);
        assertThat(view.confidenceBand().low()).isEqualTo(PINNED_LOW);
        assertThat(view.confidenceBand().high()).isEqualTo(PINNED_HIGH);
    }

    @Test
    void bandTable() {
        StringBuilder out = new StringBuilder("\n| equal rounds | sentences each | half-width (log-odds) | band at neutral meters |\n|---|---|---|---|\n");
        com.offerpulse.contracts.analytics.MeterValues neutral = new com.offerpulse.contracts.analytics.MeterValues(50,
                50, 50, 50, 50);
        for (int k : new int[] {1, 2, 3, 5, 10}) {
            for (int n : new int[] {5, 10, 20}) {
                List<RoundResult> rounds = Rounds.same(k, neutral, n);
                UserOfferProbability v = model.compute("u", rounds, null, Rounds.T0);
                out.append(String.format(Locale.ROOT, "| %d | %d | %.4f | %.4f – %.4f |%n", k, n,
                        model.explain(rounds).halfWidth(), v.confidenceBand().low(), v.confidenceBand().high()));
            }
        }
        System.out.println(out);
        assertThat(model.explain(Rounds.same(10, neutral, 20)).halfWidth())
                .isLessThan(model.explain(Rounds.same(1, neutral, 5)).halfWidth());
    }

    private static final double PINNED_P = 0.4847;
    private static final double PINNED_DELTA = 0.1865;
    private static final double PINNED_LOW = 0.3692;
    private static final double PINNED_HIGH = 0.6018;
}
