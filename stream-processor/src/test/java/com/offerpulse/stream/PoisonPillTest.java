package com.offerpulse.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

import com.offerpulse.contracts.analytics.SessionSummary;
import com.offerpulse.contracts.session.EndReason;
import com.offerpulse.contracts.session.SessionEnded;
import com.offerpulse.contracts.session.SessionLifecycleEvent;
import com.offerpulse.contracts.session.SessionStarted;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.contracts.transcript.Speaker;
import com.offerpulse.contracts.transcript.TranscriptSegment;
import com.offerpulse.platform.kafka.LowLatencyStreamsConfig;
import com.offerpulse.platform.kafka.deadletter.DeadLetters;
import com.offerpulse.stream.probability.OfferProbabilityModel;
import com.offerpulse.stream.rounds.RoundEngine;
import com.offerpulse.stream.tagging.SentenceSplitter;
import com.offerpulse.testsupport.answers.RealisticAnswers;

/**
 * Poison pills in the topology (TopologyTestDriver): one user's undecodable and oversized segments are skipped and
 * counted by the quarantining handler, and the round of another user on the same partition is scored as usual. The
 * dead letters themselves go to a real topic in {@code PoisonPillIT}; here the writer points at no cluster.
 */
class PoisonPillTest {
    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");

    @Test
    void shouldSkipAndCountPoisonPillsWhileAnotherUsersRoundIsScored() {
        io.micrometer.core.instrument.simple.SimpleMeterRegistry meters =
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        StreamSettings settings = StreamSettings.defaults();
        Properties props = OfferPulseTopology.streamsConfig(settings, "unused:9092");
        props.put("state.dir", System.getProperty("java.io.tmpdir") + "/pp-" + UUID.randomUUID());
        try (DeadLetters deadLetters = new DeadLetters("127.0.0.1:1", Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1),
                meters, Clock.systemUTC());
                TopologyTestDriver driver = new TopologyTestDriver(OfferPulseTopology.build(settings,
                        new RoundEngine(new SentenceSplitter(), TopologyFixture.TAGGER, settings),
                        new OfferProbabilityModel()), LowLatencyStreamsConfig.withDeadLetters(props, deadLetters),
                        T0)) {
            TestInputTopic<String, byte[]> rawSegments = driver.createInputTopic(Topics.TRANSCRIPT_SEGMENTS.name(),
                    new StringSerializer(), new ByteArraySerializer());
            TestInputTopic<String, TranscriptSegment> segments = driver.createInputTopic(
                    Topics.TRANSCRIPT_SEGMENTS.name(), new StringSerializer(),
                    Topics.TRANSCRIPT_SEGMENTS.valueSerde().serializer());
            TestInputTopic<String, SessionLifecycleEvent> lifecycle = driver.createInputTopic(
                    Topics.SESSION_LIFECYCLE.name(), new StringSerializer(),
                    Topics.SESSION_LIFECYCLE.valueSerde().serializer());

            lifecycle.pipeInput("s_good", new SessionStarted("st", "s_good", "u_good", "q", "pm", T0), T0);
            rawSegments.pipeInput("s_bad", "{not json".getBytes(StandardCharsets.UTF_8), T0);
            rawSegments.pipeInput("s_bad", ("{\"session_id\":\"s_bad\",\"text\":\"" + "x".repeat(900_000) + "\"}")
                    .getBytes(StandardCharsets.UTF_8), T0);
            long seq = 1;
            for (String chunk : RealisticAnswers.STRONG) {
                segments.pipeInput("s_good", new TranscriptSegment(TranscriptSegment.eventIdOf("s_good", seq),
                        "s_good", "u_good", seq, Speaker.CANDIDATE, chunk, seq, seq + 1, true, T0.plusSeconds(seq)),
                        T0.plusSeconds(seq));
                seq++;
            }
            lifecycle.pipeInput("s_good", new SessionEnded("en", "s_good", "u_good", EndReason.CLIENT,
                    T0.plusSeconds(60)), T0.plusSeconds(60));

            assertThat(driver.createOutputTopic(Topics.SESSION_SUMMARIES.name(), new StringDeserializer(),
                    Topics.SESSION_SUMMARIES.valueSerde().deserializer()).readValuesToList())
                    .extracting(SessionSummary::sessionId).containsExactly("s_good");
            assertThat(meters.find(DeadLetters.COUNTER).tag("stage", "deserialization")
                    .tag("topic", Topics.TRANSCRIPT_SEGMENTS.name()).counters())
                    .as("both poison pills counted").isNotEmpty()
                    .allSatisfy(c -> assertThat(c.count()).isGreaterThanOrEqualTo(2));
        }
    }
}
