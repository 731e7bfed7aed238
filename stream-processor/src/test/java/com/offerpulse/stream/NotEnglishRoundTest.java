package com.offerpulse.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

import com.offerpulse.contracts.analytics.SessionMeters;
import com.offerpulse.contracts.analytics.SessionSummary;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.stream.meters.MeterHints;
import com.offerpulse.stream.probability.ModelMeter;
import com.offerpulse.testsupport.answers.RealisticAnswers;

/**
 * Issue 14 through the whole topology: a round not in English is not scored and leaves the estimate where it was;
 * the round card's advice comes from that round alone.
 */
class NotEnglishRoundTest {

    private static final String U = "u-14";
    private static final List<String> SPANISH = List.of(
            "El año pasado fui la responsable técnica del equipo de pagos en una tienda en línea de cuarenta personas. ",
            "Analicé dos semanas de registros y descubrí que la mayoría de los fallos venían de tarjetas caducadas. ",
            "Diseñé un servicio de reintentos y lo lanzamos en cinco semanas con tres ingenieros. ",
            "Los fallos bajaron al uno y medio por ciento y recuperamos ciento veinte mil dólares al mes.");

    @Test
    void aRoundNotInEnglishIsNotScoredAndDoesNotMoveTheEstimate() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.playRound("r1", U, RealisticAnswers.STRONG);
            SessionSummary first = f.read(Topics.SESSION_SUMMARIES).get(0).value;
            assertThat(f.read(Topics.USER_OFFER_PROBABILITY)).hasSize(1);
            f.read(Topics.SESSION_METERS);

            f.playRound("r2", U, SPANISH);
            List<KeyValue<String, SessionMeters>> live = f.read(Topics.SESSION_METERS);
            assertThat(live.get(live.size() - 1).value.hints()).containsExactly(MeterHints.Hint.NOT_ENGLISH.text());
            List<KeyValue<String, SessionSummary>> summaries = f.read(Topics.SESSION_SUMMARIES);
            assertThat(summaries).hasSize(1);
            SessionSummary s = summaries.get(0).value;
            assertThat(s.sessionScore()).isZero();
            assertThat(s.drivers()).isEmpty();
            assertThat(s.whatToFixNext()).containsExactly(MeterHints.Hint.NOT_ENGLISH.text());
            assertThat(s.offerProbabilityBefore()).isEqualTo(first.offerProbabilityAfter());
            assertThat(s.offerProbabilityAfter()).isEqualTo(first.offerProbabilityAfter());
            assertThat(f.read(Topics.USER_OFFER_PROBABILITY)).isEmpty();
        }
    }

    @Test
    void theRoundCardNeverAdvisesWhatTheRoundAlreadyDidWell() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.playRound("r1", U, RealisticAnswers.VAGUE);
            f.playRound("r2", U, RealisticAnswers.VAGUE);
            f.playRound("r3", U, RealisticAnswers.STRONG);
            List<KeyValue<String, SessionSummary>> summaries = f.read(Topics.SESSION_SUMMARIES);
            SessionSummary strong = summaries.get(2).value;
            assertThat(strong.finalMeters().impactStrength()).isGreaterThanOrEqualTo(75);
            // Blending the two vague rounds in used to ask this strong, quantified round for a measurable result.
            assertThat(strong.whatToFixNext()).doesNotContain(ModelMeter.IMPACT_STRENGTH.fixAdvice(),
                    ModelMeter.ANSWER_LENGTH.fixAdvice());
        }
    }
}
