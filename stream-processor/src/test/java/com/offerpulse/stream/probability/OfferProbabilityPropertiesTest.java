package com.offerpulse.stream.probability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import com.offerpulse.contracts.analytics.DataSufficiency;
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

/** The offer-probability guarantees of DESIGN.md ("Analytics v1"), as properties over arbitrary round histories. */
class OfferProbabilityPropertiesTest {

    private final OfferProbabilityModel model = new OfferProbabilityModel();

    @Provide
    Arbitrary<MeterValues> meters() {
        Arbitrary<Integer> m = Arbitraries.integers().between(0, 100);
        return Combinators.combine(m, m, m, m, m).as(MeterValues::new);
    }

    @Provide
    Arbitrary<List<RoundResult>> history() {
        Arbitrary<RoundResult> round = Combinators.combine(meters(), Arbitraries.integers().between(0, 40))
                .as((v, n) -> Rounds.round(0, v, n));
        return round.list().ofMinSize(1).ofMaxSize(12).map(list -> {
            List<RoundResult> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                RoundResult r = list.get(i);
                out.add(Rounds.round(i, r.meters(), r.sentenceCount()));
            }
            return out;
        });
    }

    private UserOfferProbability view(List<RoundResult> rounds) {
        return model.compute("u-1", rounds, null, Rounds.T0);
    }

    @Property
    void probabilityIsStrictlyInsideZeroOneAndTheBandContainsIt(@ForAll("history") List<RoundResult> rounds) {
        UserOfferProbability v = view(rounds);
        assertThat(v.offerProbability()).isGreaterThan(0.0).isLessThan(1.0);
        assertThat(v.confidenceBand().low()).isGreaterThan(0.0).isLessThanOrEqualTo(v.offerProbability());
        assertThat(v.confidenceBand().high()).isLessThan(1.0).isGreaterThanOrEqualTo(v.offerProbability());
    }

    @Property
    void raisingAPositiveMeterNeverLowersTheProbability(@ForAll("history") List<RoundResult> rounds,
            @ForAll @IntRange(min = 0, max = 11) int which, @ForAll @IntRange(min = 0, max = 3) int meter,
            @ForAll @IntRange(min = 1, max = 100) int raise) {
        int i = which % rounds.size();
        RoundResult r = rounds.get(i);
        int raised = Math.min(100, Rounds.get(r.meters(), meter) + raise);
        List<RoundResult> better = new ArrayList<>(rounds);
        better.set(i, Rounds.round(i, Rounds.with(r.meters(), meter, raised), r.sentenceCount()));
        assertThat(model.explain(better).logit()).isGreaterThanOrEqualTo(model.explain(rounds).logit());
        assertThat(view(better).offerProbability()).isGreaterThanOrEqualTo(view(rounds).offerProbability());
    }

    @Property
    void raisingRiskDriftNeverRaisesTheProbability(@ForAll("history") List<RoundResult> rounds,
            @ForAll @IntRange(min = 0, max = 11) int which, @ForAll @IntRange(min = 1, max = 100) int raise) {
        int i = which % rounds.size();
        RoundResult r = rounds.get(i);
        int raised = Math.min(100, r.meters().riskDrift() + raise);
        List<RoundResult> riskier = new ArrayList<>(rounds);
        riskier.set(i, Rounds.round(i, Rounds.with(r.meters(), 4, raised), r.sentenceCount()));
        assertThat(model.explain(riskier).logit()).isLessThanOrEqualTo(model.explain(rounds).logit());
        assertThat(view(riskier).offerProbability()).isLessThanOrEqualTo(view(rounds).offerProbability());
    }

    @Property
    void sessionScoreIsMonotonicAndBounded(@ForAll("meters") MeterValues m, @ForAll @IntRange(min = 0, max = 4) int meter,
            @ForAll @IntRange(min = 0, max = 40) int sentences) {
        double score = model.sessionScore(m, sentences);
        assertThat(score).isBetween(0.0, 100.0 * OfferProbabilityModel.completeness(sentences));
        int current = Rounds.get(m, meter);
        if (current < 100) {
            double up = model.sessionScore(Rounds.with(m, meter, current + 1), sentences);
            if (meter == 4) {
                assertThat(up).isLessThanOrEqualTo(score);
            } else {
                assertThat(up).isGreaterThanOrEqualTo(score);
            }
        }
    }

    @Property
    void sameInputSameOutputSameBytes(@ForAll("history") List<RoundResult> rounds) {
        UserOfferProbability a = new OfferProbabilityModel().compute("u-1", rounds, null, Rounds.T0);
        UserOfferProbability b = new OfferProbabilityModel().compute("u-1", List.copyOf(rounds), null, Rounds.T0);
        assertThat(a).isEqualTo(b);
        assertThat(JsonCodec.encode(a)).isEqualTo(JsonCodec.encode(b));
        assertThat(JsonCodec.decode(JsonCodec.encode(a), UserOfferProbability.class)).isEqualTo(a);
    }

    @Property
    void bandNarrowsAsEqualRoundsAreAdded(@ForAll("meters") MeterValues m,
            @ForAll @IntRange(min = 0, max = 40) int sentences) {
        UserOfferProbability previous = null;
        double previousHalfWidth = Double.MAX_VALUE;
        for (int k = 1; k <= OfferProbabilityModel.MAX_ROUNDS; k++) {
            List<RoundResult> rounds = Rounds.same(k, m, sentences);
            UserOfferProbability v = view(rounds);
            double halfWidth = model.explain(rounds).halfWidth();
            assertThat(halfWidth).isLessThan(previousHalfWidth);
            if (previous != null) {
                // Equal evidence again: the estimate moves further from the prior, toward what the rounds say, and
                // never back past where it was.
                double prior = OfferProbabilityModel.sigmoid(OfferProbabilityModel.PRIOR_LOGIT);
                assertThat(Math.abs(v.offerProbability() - prior))
                        .isGreaterThanOrEqualTo(Math.abs(previous.offerProbability() - prior) - 1e-4);
                assertThat(Math.signum(Math.round((v.offerProbability() - prior) * 1e4)))
                        .isIn(0.0, Math.signum(Math.round((previous.offerProbability() - prior) * 1e4)));
                assertThat(v.confidenceBand().high() - v.confidenceBand().low())
                        .isLessThanOrEqualTo(previous.confidenceBand().high() - previous.confidenceBand().low() + 1e-12);
            }
            previous = v;
            previousHalfWidth = halfWidth;
        }
    }

    @Property
    void bandNarrowsAsSentenceCountsGrow(@ForAll("meters") MeterValues m, @ForAll @IntRange(min = 1, max = 10) int k,
            @ForAll @IntRange(min = 0, max = 40) int fewer, @ForAll @IntRange(min = 1, max = 40) int more) {
        List<RoundResult> little = Rounds.same(k, m, fewer);
        List<RoundResult> lots = Rounds.same(k, m, fewer + more);
        // Never wider with more sentences (both may sit at the band's cap for the rounds seen).
        assertThat(model.explain(lots).halfWidth()).isLessThanOrEqualTo(model.explain(little).halfWidth());
        if (fewer >= OfferProbabilityModel.FULL_ANSWER_SENTENCES) {
            // same probability, so the band in probability terms narrows too
            UserOfferProbability a = view(little);
            UserOfferProbability b = view(lots);
            assertThat(b.offerProbability()).isEqualTo(a.offerProbability());
            assertThat(b.confidenceBand().high() - b.confidenceBand().low())
                    .isLessThanOrEqualTo(a.confidenceBand().high() - a.confidenceBand().low() + 1e-12);
        }
    }

    @Property
    void dataSufficiencyFollowsTheRoundCount(@ForAll("history") List<RoundResult> rounds) {
        UserOfferProbability v = view(rounds);
        int n = Math.min(rounds.size(), OfferProbabilityModel.MAX_ROUNDS);
        assertThat(v.sessionsCount()).isEqualTo(n);
        assertThat(v.dataSufficiency()).isEqualTo(n <= 2 ? DataSufficiency.SPARSE : DataSufficiency.OK);

        UserOfferProbability none = model.compute("u-1", List.of(), null, Rounds.T0);
        assertThat(none.dataSufficiency()).isEqualTo(DataSufficiency.NONE);
        assertThat(none.offerProbability()).isNull();
        assertThat(none.confidenceBand()).isNull();
        assertThat(none.deltaVsLastSession()).isNull();
        assertThat(none.driversPositive()).isEmpty();
        assertThat(none.driversNegative()).isEmpty();
        assertThat(none.whatToFixNext()).isEmpty();
        assertThat(none.sessionsCount()).isZero();
    }

    @Property
    void deltaIsThisProbabilityMinusTheOneAfterThePreviousRound(@ForAll("history") List<RoundResult> rounds) {
        UserOfferProbability v = view(rounds);
        if (rounds.size() == 1) {
            assertThat(v.deltaVsLastSession()).isNull();
            return;
        }
        UserOfferProbability before = view(rounds.subList(0, rounds.size() - 1));
        // without the previous view, the model recomputes it from the older rounds
        assertThat(v.deltaVsLastSession())
                .isCloseTo(v.offerProbability() - before.offerProbability(), within(1e-9));
        // with the previous view, it is used as given, and the running session count continues from it
        UserOfferProbability chained = model.compute("u-1", rounds, before, Rounds.T0);
        assertThat(chained.deltaVsLastSession())
                .isCloseTo(chained.offerProbability() - before.offerProbability(), within(1e-9));
        assertThat(chained.sessionsCount()).isEqualTo(before.sessionsCount() + 1);
        assertThat(chained.offerProbability()).isEqualTo(v.offerProbability());
    }

    @Property
    void driversWithTheInterceptAddUpToTheLogit(@ForAll("history") List<RoundResult> rounds) {
        OfferProbabilityModel.Explanation e = model.explain(rounds);
        double sum = e.intercept() + e.drivers().stream().mapToDouble(Driver::contribution).sum();
        UserOfferProbability v = view(rounds);
        assertThat(OfferProbabilityModel.sigmoid(e.logit())).isCloseTo(e.probability(), within(1e-12));
        if (e.driverScale() == 0.0) {
            // The bounded move holds the estimate on the other side of the prior than this window's evidence: the
            // drivers show 0 rather than flipped signs (docs/OFFER_PROBABILITY.md "Drivers").
            assertThat(e.drivers()).allSatisfy(d -> assertThat(d.contribution()).isZero());
            assertThat(v.driversPositive()).isEmpty();
            assertThat(v.driversNegative()).isEmpty();
            return;
        }
        assertThat(sum).isCloseTo(e.logit(), within(6 * 0.5e-4 + 1e-9));

        double published = e.intercept()
                + v.driversPositive().stream().mapToDouble(Driver::contribution).sum()
                + v.driversNegative().stream().mapToDouble(Driver::contribution).sum();
        assertThat(published).isCloseTo(e.logit(), within(6 * 0.5e-4 + 1e-9));
        assertThat(v.offerProbability()).isCloseTo(e.probability(), within(0.5e-4 + 1e-12));
        assertThat(v.driversPositive()).allSatisfy(d -> assertThat(d.contribution()).isPositive());
        assertThat(v.driversNegative()).allSatisfy(d -> assertThat(d.contribution()).isNegative());
        assertThat(v.driversPositive()).isSortedAccordingTo(
                (a, b) -> Double.compare(Math.abs(b.contribution()), Math.abs(a.contribution())));
        assertThat(v.driversNegative()).isSortedAccordingTo(
                (a, b) -> Double.compare(Math.abs(b.contribution()), Math.abs(a.contribution())));
    }

    @Property
    void whatToFixNextComesFromTheStrongestNegativeDriversThenTheMetersWithHeadroom(
            @ForAll("history") List<RoundResult> rounds) {
        UserOfferProbability v = view(rounds);
        double scale = model.explain(rounds).driverScale();
        assertThat(v.whatToFixNext()).hasSizeLessThanOrEqualTo(OfferProbabilityModel.MAX_FIX_NEXT);
        List<String> expected = new java.util.ArrayList<>(v.driversNegative().stream()
                .map(d -> adviceFor(d.meter())).toList());
        v.driversPositive().stream()
                .filter(d -> scale > 0.0 && centred(d, scale) < OfferProbabilityModel.STRONG_CENTRED)
                // Ties (equal centred values under different weights) in meter order, as the model breaks them.
                .sorted(java.util.Comparator.comparingDouble((Driver d) -> centred(d, scale))
                        .thenComparingInt(d -> com.offerpulse.stream.OfferPulseTopology.METER_NAMES.indexOf(d.meter())))
                .map(d -> adviceFor(d.meter())).forEach(expected::add);
        assertThat(v.whatToFixNext()).containsExactlyElementsOf(
                expected.stream().distinct().limit(OfferProbabilityModel.MAX_FIX_NEXT).toList());
    }

    /** The driver's meter back on the centred -1..1 scale under v1's weights, before the shrink toward the prior. */
    private static double centred(Driver d, double scale) {
        double weight = switch (d.meter()) {
            case "credibility" -> OfferProbabilityModel.WEIGHT_CREDIBILITY;
            case "star_structure" -> OfferProbabilityModel.WEIGHT_STAR_STRUCTURE;
            case "confidence_stability" -> OfferProbabilityModel.WEIGHT_CONFIDENCE_STABILITY;
            case "impact_strength" -> OfferProbabilityModel.WEIGHT_IMPACT_STRENGTH;
            case "risk_drift" -> OfferProbabilityModel.WEIGHT_RISK_DRIFT;
            default -> throw new AssertionError(d.meter());
        };
        return d.contribution() / (scale * OfferProbabilityModel.SCORE_SLOPE * weight);
    }

    @Property
    void roundDriversAddUpToTheRoundsOwnLogit(@ForAll("meters") MeterValues m,
            @ForAll @IntRange(min = 0, max = 40) int sentences) {
        List<Driver> drivers = model.roundDrivers(m, sentences);
        double sum = OfferProbabilityModel.INTERCEPT + drivers.stream().mapToDouble(Driver::contribution).sum();
        double fromScore = OfferProbabilityModel.INTERCEPT
                + OfferProbabilityModel.SCORE_SLOPE * (2 * model.sessionScore(m, sentences) / 100.0 - 1);
        assertThat(sum).isCloseTo(fromScore, within(6 * 0.5e-4 + 4 * 0.5e-4));
        // The estimate after that round alone is pulled from the prior toward the round's own log-odds, no further,
        // and stays inside the one-round ceiling.
        double estimate = model.explain(List.of(Rounds.round(0, m, sentences))).logit();
        double prior = OfferProbabilityModel.PRIOR_LOGIT;
        assertThat(estimate).isBetween(Math.min(prior, sum) - 1e-3, Math.max(prior, sum) + 1e-3);
        assertThat(Math.abs(estimate)).isLessThanOrEqualTo(
                OfferProbabilityModel.logit(OfferProbabilityModel.ONE_ROUND_CEILING) + 1e-9);
        assertThat(Math.abs(estimate - prior)).isLessThanOrEqualTo(OfferProbabilityModel.MAX_ROUND_MOVE + 1e-9);
        assertThat(drivers).isSortedAccordingTo(
                (a, b) -> Double.compare(Math.abs(b.contribution()), Math.abs(a.contribution())));
    }

    private static String adviceFor(String meter) {
        for (ModelMeter m : ModelMeter.values()) {
            if (m.wireName().equals(meter)) {
                return m.fixAdvice();
            }
        }
        throw new AssertionError(meter);
    }
}
