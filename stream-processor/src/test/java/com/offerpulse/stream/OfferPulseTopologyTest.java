package com.offerpulse.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

import com.offerpulse.contracts.analytics.DataSufficiency;
import com.offerpulse.contracts.analytics.SessionMeters;
import com.offerpulse.contracts.analytics.SessionSummary;
import com.offerpulse.contracts.analytics.TaggedSentence;
import com.offerpulse.contracts.analytics.UserOfferProbability;
import com.offerpulse.contracts.growth.ProductEvent;
import com.offerpulse.contracts.growth.ProductEventName;
import com.offerpulse.contracts.session.EndReason;
import com.offerpulse.contracts.session.SessionEnded;
import com.offerpulse.contracts.session.SessionLifecycleEvent;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.contracts.transcript.Speaker;
import com.offerpulse.testsupport.answers.RealisticAnswers;

class OfferPulseTopologyTest {
    private static final String U = "u_1";

    private static List<String> texts(List<KeyValue<String, TaggedSentence>> sentences) {
        return sentences.stream().map(kv -> kv.value.text()).toList();
    }

    @Test
    void shouldJoinASentenceSpanningTwoSegments() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.start("s1", U);
            f.say("s1", U, 1, "In my last role I owned");
            assertThat(f.read(Topics.TRANSCRIPT_SENTENCES)).isEmpty();
            f.say("s1", U, 2, "the billing service. Then I rewrote");
            f.say("s1", U, 3, "its retry logic.");
            List<KeyValue<String, TaggedSentence>> out = f.read(Topics.TRANSCRIPT_SENTENCES);
            assertThat(texts(out)).containsExactly("In my last role I owned the billing service.",
                    "Then I rewrote its retry logic.");
            assertThat(out).extracting(kv -> kv.key).containsOnly("s1");
            assertThat(out).extracting(kv -> kv.value.index()).containsExactly(0, 1);
            assertThat(out).extracting(kv -> kv.value.seq()).containsExactly(2L, 3L);
        }
    }

    @Test
    void shouldCountARedeliveredSegmentOnce() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.start("s1", U);
            f.say("s1", U, 1, "I led the migration to Postgres.");
            f.say("s1", U, 1, "I led the migration to Postgres.");
            f.say("s1", U, 2, "It took three months.");
            f.say("s1", U, 2, "It took three months.");
            assertThat(texts(f.read(Topics.TRANSCRIPT_SENTENCES)))
                    .containsExactly("I led the migration to Postgres.", "It took three months.");
            assertThat(f.read(Topics.SESSION_METERS)).hasSize(2);
        }
    }

    @Test
    void shouldPutOutOfOrderSegmentsBackInSeqOrder() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.start("s1", U);
            f.say("s1", U, 1, "First I mapped the failing calls.");
            f.say("s1", U, 3, "Finally I shipped the fix.");
            f.say("s1", U, 2, "Then I wrote a test for each one.");
            assertThat(texts(f.read(Topics.TRANSCRIPT_SENTENCES))).containsExactly(
                    "First I mapped the failing calls.", "Then I wrote a test for each one.",
                    "Finally I shipped the fix.");
        }
    }

    @Test
    void shouldSkipAGapThatNeverFillsAndStillUseEverySegment() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.start("s1", U);
            f.say("s1", U, 1, "I joined the team in March.");
            // seq 2 is lost; 3 and 4 wait for it until the round ends.
            f.say("s1", U, 3, "I owned the on-call rotation.");
            f.say("s1", U, 4, "Pages dropped by half.");
            assertThat(f.read(Topics.TRANSCRIPT_SENTENCES)).hasSize(1);
            f.end("s1", U);
            assertThat(texts(f.read(Topics.TRANSCRIPT_SENTENCES))).containsExactly("I owned the on-call rotation.",
                    "Pages dropped by half.");
        }
    }

    @Test
    void shouldIgnoreInterimResultsAndInterviewerTextButEndTheCandidatesSentenceOnATurn() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.start("s1", U);
            f.segment("s1", U, 1, Speaker.CANDIDATE, "I think we", false);
            f.say("s1", U, 1, "I rebuilt the onboarding flow");
            f.segment("s1", U, 2, Speaker.INTERVIEWER, "What was the result?", true);
            f.say("s1", U, 3, "Activation rose 9%.");
            assertThat(texts(f.read(Topics.TRANSCRIPT_SENTENCES)))
                    .containsExactly("I rebuilt the onboarding flow", "Activation rose 9%.");
        }
    }

    @Test
    void shouldFlushTheTailAndEmitSummaryProbabilityAndCompletionOnEnd() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.start("s1", U);
            f.say("s1", U, 1, "We cut cloud costs by 30% in one quarter. I would start with data next time");
            assertThat(f.read(Topics.TRANSCRIPT_SENTENCES)).hasSize(1);
            f.end("s1", U);
            assertThat(texts(f.read(Topics.TRANSCRIPT_SENTENCES))).containsExactly("I would start with data next time");

            List<KeyValue<String, SessionSummary>> summaries = f.read(Topics.SESSION_SUMMARIES);
            assertThat(summaries).hasSize(1);
            SessionSummary s = summaries.get(0).value;
            assertThat(summaries.get(0).key).isEqualTo(U);
            assertThat(s.sessionId()).isEqualTo("s1");
            assertThat(s.endReason()).isEqualTo(EndReason.CLIENT);
            assertThat(s.sentenceCount()).isEqualTo(2);
            assertThat(s.offerProbabilityBefore()).isNull();
            assertThat(s.offerProbabilityAfter()).isBetween(0.0, 1.0);
            assertThat(s.whatChanged()).allSatisfy(c -> assertThat(c.delta()).isNull());

            List<KeyValue<String, UserOfferProbability>> views = f.read(Topics.USER_OFFER_PROBABILITY);
            assertThat(views).hasSize(1);
            assertThat(views.get(0).value.sessionsCount()).isEqualTo(1);
            assertThat(views.get(0).value.dataSufficiency()).isEqualTo(DataSufficiency.SPARSE);

            List<KeyValue<String, ProductEvent>> events = f.read(Topics.PRODUCT_EVENTS);
            assertThat(events).extracting(kv -> kv.value.name()).containsExactly(ProductEventName.SESSION_COMPLETED);

            // A second end (re-delivery, or a timeout racing the client) changes nothing.
            f.end("s1", U);
            assertThat(f.read(Topics.SESSION_SUMMARIES)).isEmpty();
            f.say("s1", U, 2, "Late words after the end.");
            assertThat(f.read(Topics.TRANSCRIPT_SENTENCES)).isEmpty();
        }
    }

    @Test
    void shouldEndAnInactiveRoundOnTheWallClockTimeout() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.start("s1", U);
            f.say("s1", U, 1, "I negotiated the renewal with the client and kept the account");
            f.advanceWallClock(Duration.ofMinutes(5));
            assertThat(f.read(Topics.SESSION_SUMMARIES)).isEmpty();
            f.advanceWallClock(Duration.ofMinutes(6));

            List<KeyValue<String, SessionLifecycleEvent>> ends = f.read(Topics.SESSION_LIFECYCLE);
            assertThat(ends).hasSize(1);
            assertThat(((SessionEnded) ends.get(0).value).reason()).isEqualTo(EndReason.TIMEOUT);
            assertThat(f.read(Topics.TRANSCRIPT_SENTENCES)).hasSize(1);
            List<KeyValue<String, SessionSummary>> summaries = f.read(Topics.SESSION_SUMMARIES);
            assertThat(summaries).hasSize(1);
            assertThat(summaries.get(0).value.endReason()).isEqualTo(EndReason.TIMEOUT);

            // The client's own end arriving later is a no-op.
            f.end("s1", U);
            assertThat(f.read(Topics.SESSION_SUMMARIES)).isEmpty();
        }
    }

    @Test
    void shouldOrderThreeRealisticAnswersAsAHumanWould() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.playRound("strong", "u_s", RealisticAnswers.STRONG);
            f.playRound("rambling", "u_r", RealisticAnswers.RAMBLING);
            f.playRound("vague", "u_v", RealisticAnswers.VAGUE);
            var byUser = f.read(Topics.SESSION_SUMMARIES).stream()
                    .collect(java.util.stream.Collectors.toMap(kv -> kv.key, kv -> kv.value));
            SessionSummary strong = byUser.get("u_s");
            SessionSummary rambling = byUser.get("u_r");
            SessionSummary vague = byUser.get("u_v");

            assertThat(strong.sessionScore()).isGreaterThan(rambling.sessionScore())
                    .isGreaterThan(vague.sessionScore());
            assertThat(strong.offerProbabilityAfter()).isGreaterThan(rambling.offerProbabilityAfter())
                    .isGreaterThan(vague.offerProbabilityAfter());
            assertThat(strong.finalMeters().credibility()).isGreaterThan(vague.finalMeters().credibility());
            assertThat(strong.finalMeters().impactStrength()).isGreaterThan(vague.finalMeters().impactStrength())
                    .isGreaterThan(0);
            assertThat(strong.finalMeters().starStructure()).isGreaterThan(rambling.finalMeters().starStructure());
            assertThat(rambling.finalMeters().confidenceStability())
                    .isLessThan(strong.finalMeters().confidenceStability())
                    .isLessThan(vague.finalMeters().confidenceStability());
            assertThat(rambling.finalMeters().riskDrift()).isGreaterThan(strong.finalMeters().riskDrift());
        }
    }

    @Test
    void shouldCarryTheOfferProbabilityAcrossRounds() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.playRound("r1", U, RealisticAnswers.VAGUE);
            f.playRound("r2", U, RealisticAnswers.STRONG);
            List<KeyValue<String, SessionSummary>> summaries = f.read(Topics.SESSION_SUMMARIES);
            SessionSummary second = summaries.get(1).value;
            assertThat(second.offerProbabilityBefore()).isEqualTo(summaries.get(0).value.offerProbabilityAfter());
            assertThat(second.offerProbabilityAfter()).isGreaterThan(second.offerProbabilityBefore());
            assertThat(second.whatChanged()).allSatisfy(c -> assertThat(c.delta()).isEqualTo(c.after() - c.before()));
            List<KeyValue<String, UserOfferProbability>> views = f.read(Topics.USER_OFFER_PROBABILITY);
            UserOfferProbability latest = views.get(views.size() - 1).value;
            assertThat(latest.sessionsCount()).isEqualTo(2);
            assertThat(latest.deltaVsLastSession()).isPositive();
        }
    }

    @Test
    void shouldProduceByteIdenticalOutputWhenTheSameInputIsReplayedFromScratch() {
        List<String> outputs = List.of(Topics.TRANSCRIPT_SENTENCES.name(), Topics.SESSION_METERS.name(),
                Topics.SESSION_SUMMARIES.name(), Topics.USER_OFFER_PROBABILITY.name(), Topics.PRODUCT_EVENTS.name());
        List<List<KeyValue<String, byte[]>>> first;
        List<List<KeyValue<String, byte[]>>> second;
        try (TopologyFixture f = new TopologyFixture()) {
            playMixedInput(f);
            first = outputs.stream().map(f::readRaw).toList();
        }
        try (TopologyFixture f = new TopologyFixture()) {
            playMixedInput(f);
            second = outputs.stream().map(f::readRaw).toList();
        }
        for (int t = 0; t < outputs.size(); t++) {
            assertThat(first.get(t)).as(outputs.get(t)).isNotEmpty().hasSameSizeAs(second.get(t));
            for (int i = 0; i < first.get(t).size(); i++) {
                assertThat(second.get(t).get(i).key).isEqualTo(first.get(t).get(i).key);
                assertThat(Arrays.equals(second.get(t).get(i).value, first.get(t).get(i).value))
                        .as("%s record %d", outputs.get(t), i).isTrue();
            }
        }
    }

    private static void playMixedInput(TopologyFixture f) {
        f.playRound("a1", "u_a", RealisticAnswers.STRONG);
        f.playRound("b1", "u_b", RealisticAnswers.RAMBLING);
        f.playRound("a2", "u_a", RealisticAnswers.VAGUE);
        f.playRound("a3", "u_a", RealisticAnswers.STRONG);
    }

    @Test
    void shouldEmitMetersWithAtMostThreeHintsForEverySentence() {
        try (TopologyFixture f = new TopologyFixture()) {
            f.playRound("s1", U, RealisticAnswers.RAMBLING);
            int sentences = f.read(Topics.TRANSCRIPT_SENTENCES).size();
            List<KeyValue<String, SessionMeters>> meters = f.read(Topics.SESSION_METERS);
            assertThat(sentences).isPositive();
            assertThat(meters).as("one meters update per tagged sentence").hasSize(sentences);
            assertThat(meters).allSatisfy(kv -> assertThat(kv.value.hints()).hasSizeLessThanOrEqualTo(3));
            assertThat(meters).extracting(kv -> kv.value.asOfSeq()).isSorted();
        }
    }
}
