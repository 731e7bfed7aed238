package com.offerpulse.stream.probability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.offerpulse.contracts.analytics.DataSufficiency;
import com.offerpulse.contracts.analytics.Driver;
import com.offerpulse.contracts.analytics.MeterValues;
import com.offerpulse.contracts.analytics.UserOfferProbability;
import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.stream.meters.Answers;
import com.offerpulse.stream.meters.MeterState;
import com.offerpulse.stream.meters.Say;

class OfferProbabilityModelTest {

    private static final MeterValues PERFECT = new MeterValues(100, 100, 100, 100, 0);
    private static final MeterValues NEUTRAL = new MeterValues(50, 50, 50, 50, 50);
    private static final MeterValues WORST = new MeterValues(0, 0, 0, 0, 100);

    private final OfferProbabilityModel model = new OfferProbabilityModel();

    @Test
    void sessionScoreSpansZeroToHundredAndCapsShortAnswers() {
        assertThat(model.sessionScore(PERFECT, 5)).isEqualTo(100.0);
        assertThat(model.sessionScore(PERFECT, 40)).isEqualTo(100.0);
        assertThat(model.sessionScore(NEUTRAL, 5)).isEqualTo(50.0);
        assertThat(model.sessionScore(WORST, 12)).isEqualTo(0.0);
        assertThat(model.sessionScore(PERFECT, 1)).isEqualTo(20.0);
        assertThat(model.sessionScore(PERFECT, 3)).isEqualTo(60.0);
        assertThat(model.sessionScore(PERFECT, 0)).isEqualTo(0.0);
        assertThat(model.sessionScore(new MeterValues(80, 80, 80, 80, 60), 8))
                .isLessThan(model.sessionScore(new MeterValues(80, 80, 80, 80, 20), 8));
    }

    @Test
    void roundDriversNameEveryMeterStrongestFirst() {
        List<Driver> drivers = model.roundDrivers(new MeterValues(90, 60, 50, 20, 70));
        assertThat(drivers).extracting(Driver::meter).containsExactly("credibility", "impact_strength",
                "risk_drift", "star_structure", "confidence_stability");
        assertThat(drivers).extracting(Driver::contribution).containsExactly(0.8, -0.6, -0.24, 0.16, 0.0);
        assertThat(drivers.get(1).detail()).isEqualTo("Impact strength 20/100 in this round: results without "
                + "figures, or claims you didn't back up, hide your impact.");
    }

    @Test
    void aShortRoundGetsAnAnswerLengthDriver() {
        List<Driver> drivers = model.roundDrivers(PERFECT, 2);
        assertThat(drivers.get(0).meter()).isEqualTo("answer_length");
        assertThat(drivers.get(0).contribution()).isEqualTo(-2.4);
        assertThat(drivers.get(0).detail()).isEqualTo("This answer had 2 sentences: short answers cap your score.");
        assertThat(model.roundDrivers(PERFECT, 5)).extracting(Driver::meter).doesNotContain("answer_length");
    }

    @Test
    void noRoundsMeansNoData() {
        UserOfferProbability v = model.compute("u-1", List.of(), null, Rounds.T0);
        assertThat(v.dataSufficiency()).isEqualTo(DataSufficiency.NONE);
        assertThat(v.offerProbability()).isNull();
        assertThat(v.confidenceBand()).isNull();
        assertThat(JsonCodec.encodeToString(v)).isEqualTo("{\"user_id\":\"u-1\",\"offer_probability\":null,"
                + "\"confidence_band\":null,\"drivers_positive\":[],\"drivers_negative\":[],"
                + "\"delta_vs_last_session\":null,\"what_to_fix_next\":[],\"sessions_count\":0,"
                + "\"data_sufficiency\":\"none\",\"updated_at\":\"2026-03-02T09:00:00Z\"}");
    }

    @Test
    void firstRoundIsSparseWithAWideBandAndNoDelta() {
        UserOfferProbability v = model.compute("u-1", Rounds.same(1, NEUTRAL, 8), null, Rounds.T0);
        assertThat(v.dataSufficiency()).isEqualTo(DataSufficiency.SPARSE);
        assertThat(v.deltaVsLastSession()).isNull();
        assertThat(v.sessionsCount()).isEqualTo(1);
        // Wide (little is known) but capped: BAND_MAX log-odds either side of the estimate.
        assertThat(v.confidenceBand().high() - v.confidenceBand().low()).isGreaterThan(0.3).isLessThan(0.4);
        assertThat(v.offerProbability()).isEqualTo(0.4013); // the population prior sigmoid(INTERCEPT) at neutral meters
    }

    @Test
    void threeRoundsAreEnough() {
        UserOfferProbability v = model.compute("u-1", Rounds.same(3, NEUTRAL, 8), null, Rounds.T0);
        assertThat(v.dataSufficiency()).isEqualTo(DataSufficiency.OK);
    }

    @Test
    void onlyTheNewestTenRoundsCount() {
        List<RoundResult> eleven = new ArrayList<>();
        eleven.add(Rounds.round(0, WORST, 8));
        for (int i = 1; i <= 10; i++) {
            eleven.add(Rounds.round(i, PERFECT, 8));
        }
        UserOfferProbability all = model.compute("u-1", eleven, null, Rounds.T0);
        UserOfferProbability lastTen = model.compute("u-1", eleven.subList(1, 11), null, Rounds.T0);
        assertThat(all.offerProbability()).isEqualTo(lastTen.offerProbability());
        assertThat(all.confidenceBand()).isEqualTo(lastTen.confidenceBand());
    }

    @Test
    void sessionsCountKeepsRunningPastTheWindow() {
        UserOfferProbability previous = model.compute("u-1", Rounds.same(10, NEUTRAL, 8), null, Rounds.T0);
        UserOfferProbability next = previous;
        for (int k = 0; k < 5; k++) {
            next = model.compute("u-1", Rounds.same(10, NEUTRAL, 8), next, Rounds.T0);
        }
        assertThat(next.sessionsCount()).isEqualTo(15);
    }

    @Test
    void perfectRoundsHaveNothingToFix() {
        UserOfferProbability v = model.compute("u-1", Rounds.same(4, PERFECT, 10), null, Rounds.T0);
        assertThat(v.driversNegative()).isEmpty();
        assertThat(v.whatToFixNext()).isEmpty();
        // Four perfect rounds: high, but the prior and the ceiling for four rounds still hold it below 0.9.
        assertThat(v.offerProbability()).isGreaterThan(0.85).isLessThan(0.9);
    }

    @Test
    void oneRoundHoweverStrongStaysUnderTheCeilingAndMovesABoundedAmount() {
        UserOfferProbability v = model.compute("u-1", Rounds.same(1, PERFECT, 10), null, Rounds.T0);
        assertThat(v.offerProbability()).isLessThanOrEqualTo(OfferProbabilityModel.ONE_ROUND_CEILING);
        double prior = OfferProbabilityModel.priorProbability();
        assertThat(OfferProbabilityModel.logit(v.offerProbability()) - OfferProbabilityModel.logit(prior))
                .isLessThanOrEqualTo(OfferProbabilityModel.MAX_ROUND_MOVE + 1e-3);
    }

    @Test
    void oneThrowawayAnswerAfterGoodRoundsCostsABoundedAmount() {
        List<RoundResult> rounds = new ArrayList<>(Rounds.same(4, PERFECT, 10));
        UserOfferProbability before = model.compute("u-1", rounds, null, Rounds.T0);
        rounds.add(Rounds.round(4, WORST, 1));
        UserOfferProbability after = model.compute("u-1", rounds, before, Rounds.T0);
        assertThat(OfferProbabilityModel.logit(before.offerProbability())
                - OfferProbabilityModel.logit(after.offerProbability()))
                .isLessThanOrEqualTo(OfferProbabilityModel.MAX_ROUND_MOVE + 1e-3);
        assertThat(after.deltaVsLastSession()).isGreaterThanOrEqualTo(-0.25);
    }

    @Test
    void fiveRoundsGiveABandNarrowerThanTwentyFivePoints() {
        UserOfferProbability v = model.compute("u-1", List.of(Rounds.round(0, PERFECT, 8), Rounds.round(1, WORST, 8),
                Rounds.round(2, PERFECT, 8), Rounds.round(3, WORST, 8), Rounds.round(4, PERFECT, 8)), null, Rounds.T0);
        assertThat(v.confidenceBand().high() - v.confidenceBand().low()).isLessThan(0.25);
    }

    @Test
    void worstRoundsStayAboveZeroAndSayWhatToFixFirst() {
        UserOfferProbability v = model.compute("u-1", Rounds.same(10, WORST, 1), null, Rounds.T0);
        // The evidence alone says sigmoid(INTERCEPT - SCORE_SLOPE) = 0.0121; ten rounds pull most of the way there.
        assertThat(v.offerProbability()).isGreaterThan(0.0121).isLessThan(0.06);
        assertThat(v.confidenceBand().low()).isGreaterThan(0.0);
        assertThat(v.driversPositive()).isEmpty();
        assertThat(v.driversNegative().get(0).meter()).isEqualTo("answer_length");
        assertThat(v.whatToFixNext()).hasSize(3);
        assertThat(v.whatToFixNext().get(0)).startsWith("Give a complete answer");
    }

    @Test
    void lowImpactIsTheFirstThingToFix() {
        UserOfferProbability v = model.compute("u-1", Rounds.same(3, new MeterValues(70, 65, 70, 20, 30), 9), null,
                Rounds.T0);
        assertThat(v.driversNegative()).extracting(Driver::meter).containsExactly("impact_strength");
        assertThat(v.whatToFixNext()).first().isEqualTo(
                "End with a measurable result: a percentage, time saved, money or users.");
    }

    @Test
    void aDecentButNotStrongRoundStillGetsAdviceFromItsWeakestMeters() {
        // Every meter above neutral (no negative driver), none strong: STAR 60 is the weakest, then credibility 62.
        UserOfferProbability v = model.compute("u-1", Rounds.same(1, new MeterValues(62, 60, 70, 66, 30), 8), null,
                Rounds.T0);
        assertThat(v.driversNegative()).isEmpty();
        assertThat(v.whatToFixNext()).containsExactly(
                "Tell it as STAR: a sentence or two of context, then your actions, then a measurable result and what "
                        + "you learned.",
                "Back every claim with a specific: the system, the number and what you did yourself (say \"I\", not "
                        + "\"we\").",
                "End with a measurable result: a percentage, time saved, money or users.");
    }

    @Test
    void realAnswersOrderAsExpectedAndImprovementShowsAsAPositiveDelta() {
        MeterState strong = Say.play(Answers.strong());
        MeterState rambling = Say.play(Answers.rambling());
        MeterState vague = Say.play(Answers.vague());
        RoundResult v = Rounds.round(0, vague.values(), vague.sentenceCount());
        RoundResult r = Rounds.round(1, rambling.values(), rambling.sentenceCount());
        RoundResult s = Rounds.round(2, strong.values(), strong.sentenceCount());

        double pStrong = model.compute("u", List.of(s), null, Rounds.T0).offerProbability();
        double pRambling = model.compute("u", List.of(r), null, Rounds.T0).offerProbability();
        double pVague = model.compute("u", List.of(v), null, Rounds.T0).offerProbability();
        assertThat(pStrong).isGreaterThan(pVague).isGreaterThan(pRambling);

        UserOfferProbability afterTwo = model.compute("u", List.of(v, r), null, Rounds.T0);
        UserOfferProbability afterThree = model.compute("u", List.of(v, r, s), afterTwo, Rounds.T0);
        assertThat(afterThree.deltaVsLastSession()).isPositive();
        assertThat(afterThree.dataSufficiency()).isEqualTo(DataSufficiency.OK);
    }

    @Test
    void updatedAtIsTheGivenEventTimeNeverTheClock() {
        UserOfferProbability v = model.compute("u-1", Rounds.same(2, NEUTRAL, 8), null, Rounds.T0);
        assertThat(v.updatedAt()).isEqualTo(Rounds.T0);
    }
}
