package com.offerpulse.stream.probability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.offerpulse.contracts.analytics.Driver;
import com.offerpulse.contracts.analytics.MeterValues;
import com.offerpulse.contracts.analytics.UserOfferProbability;
import com.offerpulse.contracts.json.JsonCodec;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Formula versions: v1 is the live model byte for byte (the pinned numbers of the other tests hold it too); v2 keeps
 * every guarantee of DESIGN.md (bounded, monotonic, deterministic, drivers add up) with other weights and decay.
 */
class FormulaVersionTest {
    private final OfferProbabilityModel live = new OfferProbabilityModel();
    private final OfferProbabilityModel v1 = new OfferProbabilityModel(FormulaVersion.V1);
    private final OfferProbabilityModel v2 = new OfferProbabilityModel(FormulaVersion.V2);

    @Provide
    Arbitrary<List<RoundResult>> history() {
        Arbitrary<Integer> m = Arbitraries.integers().between(0, 100);
        Arbitrary<RoundResult> round = Combinators.combine(Combinators.combine(m, m, m, m, m).as(MeterValues::new),
                Arbitraries.integers().between(0, 30)).as((v, n) -> Rounds.round(0, v, n));
        return round.list().ofMinSize(1).ofMaxSize(12).map(list -> {
            List<RoundResult> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                out.add(Rounds.round(i, list.get(i).meters(), list.get(i).sentenceCount()));
            }
            return out;
        });
    }

    @Property(tries = 300)
    void v1IsTheLiveModelByteForByte(@ForAll("history") List<RoundResult> rounds) {
        RoundResult last = rounds.get(rounds.size() - 1);
        assertThat(JsonCodec.encode(v1.compute("u", rounds, null, Rounds.T0)))
                .isEqualTo(JsonCodec.encode(live.compute("u", rounds, null, Rounds.T0)));
        assertThat(v1.sessionScore(last.meters(), last.sentenceCount()))
                .isEqualTo(live.sessionScore(last.meters(), last.sentenceCount()));
        assertThat(v1.roundDrivers(last.meters(), last.sentenceCount()))
                .isEqualTo(live.roundDrivers(last.meters(), last.sentenceCount()));
    }

    @Property(tries = 300)
    void v2IsBoundedDeterministicAndItsDriversAddUp(@ForAll("history") List<RoundResult> rounds) {
        UserOfferProbability a = v2.compute("u", rounds, null, Rounds.T0);
        assertThat(a.offerProbability()).isGreaterThan(0.0).isLessThan(1.0);
        assertThat(a.confidenceBand().low()).isLessThanOrEqualTo(a.offerProbability());
        assertThat(a.confidenceBand().high()).isGreaterThanOrEqualTo(a.offerProbability());
        assertThat(JsonCodec.encode(new OfferProbabilityModel(FormulaVersion.V2).compute("u", List.copyOf(rounds),
                null, Rounds.T0))).isEqualTo(JsonCodec.encode(a));
        OfferProbabilityModel.Explanation e = v2.explain(rounds);
        double sum = e.intercept() + e.drivers().stream().mapToDouble(Driver::contribution).sum();
        if (e.driverScale() > 0.0) {
            assertThat(sum).isCloseTo(e.logit(), within(0.0005 * (e.drivers().size() + 1)));
        }
    }

    @Property(tries = 300)
    void v2IsMonotonicInEveryMeterOfEveryRound(@ForAll("history") List<RoundResult> rounds,
            @ForAll @IntRange(min = 0, max = 4) int meter, @ForAll @IntRange(min = 0, max = 11) int at) {
        int i = at % rounds.size();
        RoundResult r = rounds.get(i);
        int value = Rounds.get(r.meters(), meter);
        int better = meter == 4 ? Math.max(0, value - 10) : Math.min(100, value + 10);
        List<RoundResult> improved = new ArrayList<>(rounds);
        improved.set(i, Rounds.round(i, Rounds.with(r.meters(), meter, better), r.sentenceCount()));
        assertThat(v2.explain(improved).logit()).isGreaterThanOrEqualTo(v2.explain(rounds).logit() - 1e-12);
    }

    @Test
    void v2WeighsImpactMoreAndDeliveryLessThanV1() {
        MeterValues concrete = new MeterValues(60, 70, 50, 85, 30);
        MeterValues vagueButSteady = new MeterValues(60, 70, 80, 20, 30);
        assertThat(v2.sessionScore(concrete, 8)).isGreaterThan(v1.sessionScore(concrete, 8));
        assertThat(v2.sessionScore(vagueButSteady, 8)).isLessThan(v1.sessionScore(vagueButSteady, 8));
    }

    @Test
    void v2LetsTheNewestRoundCountMoreThanV1() {
        // Balanced meters score the same under both weightings, so only the recency decay differs.
        MeterValues weak = new MeterValues(30, 30, 30, 30, 70);
        MeterValues strong = new MeterValues(80, 80, 80, 80, 20);
        assertThat(v2.sessionScore(strong, 8)).isEqualTo(v1.sessionScore(strong, 8));
        List<RoundResult> improving = List.of(Rounds.round(0, weak, 8), Rounds.round(1, weak, 8),
                Rounds.round(2, strong, 8));
        assertThat(v2.compute("u", improving, null, Rounds.T0).offerProbability())
                .isGreaterThan(v1.compute("u", improving, null, Rounds.T0).offerProbability());
    }

    @Test
    void shouldWeighTheFiveMetersToOneInEveryVersion() {
        for (FormulaVersion v : FormulaVersion.values()) {
            double sum = ModelMeter.METERS.stream().mapToDouble(v::weight).sum();
            assertThat(sum).as(v.wireName()).isCloseTo(1.0, within(1e-9));
            assertThat(v.recencyDecay()).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
        }
        assertThat(FormulaVersion.V1.weight(ModelMeter.IMPACT_STRENGTH)).isEqualTo(ModelMeter.IMPACT_STRENGTH.weight());
    }

    @Test
    void shouldParseVersionNamesAndRefuseUnknownOnes() {
        assertThat(FormulaVersion.parse("v1")).isEqualTo(FormulaVersion.V1);
        assertThat(FormulaVersion.parse(" V2 ")).isEqualTo(FormulaVersion.V2);
        assertThatThrownBy(() -> FormulaVersion.parse("v3")).hasMessageContaining("v1, v2");
        assertThat(new OfferProbabilityModel().formula()).isEqualTo(FormulaVersion.V1);
    }
}
