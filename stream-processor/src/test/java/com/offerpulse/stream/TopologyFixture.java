package com.offerpulse.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

import com.offerpulse.contracts.session.EndReason;
import com.offerpulse.contracts.session.SessionEnded;
import com.offerpulse.contracts.session.SessionLifecycleEvent;
import com.offerpulse.contracts.session.SessionStarted;
import com.offerpulse.contracts.topic.Topic;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.contracts.transcript.Speaker;
import com.offerpulse.contracts.transcript.TranscriptSegment;
import com.offerpulse.stream.probability.OfferProbabilityModel;
import com.offerpulse.stream.rounds.RoundEngine;
import com.offerpulse.stream.tagging.SentenceSplitter;
import com.offerpulse.stream.tagging.SentenceTagger;

/** The real topology in a TopologyTestDriver, with helpers to play rounds into it. */
final class TopologyFixture implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");
    static final SentenceTagger TAGGER = SentenceTagger.load();

    final TopologyTestDriver driver;
    final TestInputTopic<String, TranscriptSegment> segments;
    final TestInputTopic<String, SessionLifecycleEvent> lifecycle;
    private Instant clock = T0;

    TopologyFixture() {
        StreamSettings settings = StreamSettings.defaults();
        RoundEngine engine = new RoundEngine(new SentenceSplitter(), TAGGER, settings);
        Properties props = OfferPulseTopology.streamsConfig(settings, "unused:9092");
        props.put("state.dir", System.getProperty("java.io.tmpdir") + "/tt-" + System.nanoTime());
        driver = new TopologyTestDriver(OfferPulseTopology.build(settings, engine, new OfferProbabilityModel()), props,
                T0);
        segments = driver.createInputTopic(Topics.TRANSCRIPT_SEGMENTS.name(), new StringSerializer(),
                Topics.TRANSCRIPT_SEGMENTS.valueSerde().serializer());
        lifecycle = driver.createInputTopic(Topics.SESSION_LIFECYCLE.name(), new StringSerializer(),
                Topics.SESSION_LIFECYCLE.valueSerde().serializer());
    }

    Instant tick() {
        clock = clock.plusMillis(1500);
        return clock;
    }

    void start(String sessionId, String userId) {
        Instant t = tick();
        lifecycle.pipeInput(sessionId, new SessionStarted("e-" + sessionId, sessionId, userId, "Tell me about a time",
                "engineer", t), t);
    }

    void say(String sessionId, String userId, long seq, String text) {
        segment(sessionId, userId, seq, Speaker.CANDIDATE, text, true);
    }

    void segment(String sessionId, String userId, long seq, Speaker speaker, String text, boolean isFinal) {
        Instant t = tick();
        segments.pipeInput(sessionId, new TranscriptSegment(TranscriptSegment.eventIdOf(sessionId, seq), sessionId,
                userId, seq, speaker, text, seq * 1000, seq * 1000 + 900, isFinal, t), t);
    }

    void end(String sessionId, String userId) {
        Instant t = tick();
        lifecycle.pipeInput(sessionId, new SessionEnded("end-" + sessionId, sessionId, userId, EndReason.CLIENT, t), t);
    }

    /** Plays a whole answer: one segment per sentence-ish chunk, then the end. */
    void playRound(String sessionId, String userId, List<String> chunks) {
        start(sessionId, userId);
        long seq = 1;
        for (String chunk : chunks) {
            say(sessionId, userId, seq++, chunk);
        }
        end(sessionId, userId);
    }

    <V> List<KeyValue<String, V>> read(Topic<String, V> topic) {
        TestOutputTopic<String, V> out = driver.createOutputTopic(topic.name(), new StringDeserializer(),
                topic.valueSerde().deserializer());
        return out.readKeyValuesToList();
    }

    List<KeyValue<String, byte[]>> readRaw(String topic) {
        return new ArrayList<>(driver.createOutputTopic(topic, new StringDeserializer(), new ByteArrayDeserializer())
                .readKeyValuesToList());
    }

    void advanceWallClock(Duration d) {
        driver.advanceWallClockTime(d);
    }

    @Override
    public void close() {
        driver.close();
    }
}
