package com.offerpulse.stream.meters;

import static com.offerpulse.stream.meters.Say.play;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.offerpulse.contracts.analytics.MeterValues;
import com.offerpulse.stream.probability.OfferProbabilityModel;

/** Three whole answers: the meters and session scores must order the way an interviewer would. */
class RealisticAnswersTest {

    private final OfferProbabilityModel model = new OfferProbabilityModel();

    private final MeterState strongState = play(Answers.strong());
    private final MeterState ramblingState = play(Answers.rambling());
    private final MeterState vagueState = play(Answers.vague());
    private final MeterValues strong = strongState.values();
    private final MeterValues rambling = ramblingState.values();
    private final MeterValues vague = vagueState.values();

    @Test
    void theStrongAnswerIsMoreCredibleThanBoth() {
        assertThat(strong.credibility()).isGreaterThan(rambling.credibility()).isGreaterThan(vague.credibility());
        assertThat(strong.credibility()).isGreaterThanOrEqualTo(80);
        assertThat(vague.credibility()).isLessThanOrEqualTo(35);
    }

    @Test
    void theStrongAnswerHasMoreImpactThanBoth() {
        assertThat(strong.impactStrength()).isGreaterThan(rambling.impactStrength() + 40)
                .isGreaterThan(vague.impactStrength() + 40);
    }

    @Test
    void theStrongAnswerHasTheBestStructure() {
        assertThat(strong.starStructure()).isGreaterThan(rambling.starStructure())
                .isGreaterThan(vague.starStructure());
    }

    @Test
    void theRamblingAnswerIsTheLeastStableAndDriftsTheMost() {
        assertThat(rambling.confidenceStability()).isLessThan(vague.confidenceStability())
                .isLessThan(strong.confidenceStability());
        assertThat(rambling.confidenceStability()).isLessThanOrEqualTo(35);
        assertThat(rambling.riskDrift()).isGreaterThan(vague.riskDrift() + 40)
                .isGreaterThan(strong.riskDrift() + 40);
    }

    @Test
    void sessionScoresOrderAsAHumanExpects() {
        double s = model.sessionScore(strong, strongState.sentenceCount());
        double r = model.sessionScore(rambling, ramblingState.sentenceCount());
        double v = model.sessionScore(vague, vagueState.sentenceCount());
        assertThat(s).isGreaterThan(80.0);
        assertThat(s).isGreaterThan(v + 25).isGreaterThan(r + 25);
        assertThat(r).isLessThan(50.0);
        assertThat(v).isLessThan(60.0);
    }

    @Test
    void numbersQuotedInTheDocs() {
        assertThat(strong).isEqualTo(new MeterValues(85, 92, 92, 92, 8));
        assertThat(vague).isEqualTo(new MeterValues(19, 69, 67, 17, 20));
        assertThat(rambling).isEqualTo(new MeterValues(33, 79, 23, 20, 94));
        assertThat(model.sessionScore(strong, 8)).isEqualTo(90.25);
        assertThat(model.sessionScore(vague, 7)).isEqualTo(44.85);
        assertThat(model.sessionScore(rambling, 8)).isEqualTo(33.4);
    }

    @Test
    void eachAnswerGetsTheHintsAHumanCoachWouldGive() {
        assertThat(strongState.hints()).isEmpty();
        assertThat(ramblingState.hints()).contains(MeterHints.Hint.FILLERS.text());
        assertThat(vagueState.hints()).contains(MeterHints.Hint.UNSUPPORTED.text());
    }
}
