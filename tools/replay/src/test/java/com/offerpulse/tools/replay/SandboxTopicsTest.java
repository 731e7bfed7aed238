package com.offerpulse.tools.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.offerpulse.contracts.topic.Topic;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.stream.OfferPulseTopology;
import com.offerpulse.stream.OfferPulseTopology.TopicNames;
import com.offerpulse.stream.StreamSettings;
import com.offerpulse.stream.probability.OfferProbabilityModel;
import com.offerpulse.stream.rounds.RoundEngine;
import com.offerpulse.stream.tagging.SentenceSplitter;
import com.offerpulse.stream.tagging.SentenceTagger;

class SandboxTopicsTest {
    private final SandboxTopics sandbox = new SandboxTopics("nov20-v2");

    @Test
    void shouldNameEveryTopicOfTheSandboxAfterItsRunId() {
        assertThat(sandbox.names().segments()).isEqualTo("sandbox.nov20-v2.transcript.segments.v1");
        assertThat(sandbox.names().outputs()).allMatch(t -> t.startsWith("sandbox.nov20-v2."));
        assertThat(sandbox.applicationId()).isEqualTo("replay-nov20-v2");
    }

    @Test
    void shouldRefuseToWriteAnyLiveTopicOrAnotherSandbox() {
        for (Topic<String, ?> live : Topics.ALL) {
            assertThatThrownBy(() -> sandbox.requireSandbox(live.name())).hasMessageContaining("never to live");
        }
        assertThatThrownBy(() -> sandbox.requireSandbox("sandbox.other.session.meters.v1"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(sandbox.requireSandbox("sandbox.nov20-v2.session.meters.v1")).endsWith("meters.v1");
    }

    @Test
    void shouldRefuseRunIdsThatCouldEscapeTheSandboxPrefix() {
        for (String bad : new String[] {"", "..", "a.b", "A", "x/y", "-x", "x".repeat(41), "a b"}) {
            assertThatThrownBy(() -> new SandboxTopics(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void shouldAcceptTheSandboxTopologyAndRefuseTheLiveOne() {
        StreamSettings settings = StreamSettings.defaults();
        RoundEngine engine = new RoundEngine(new SentenceSplitter(), SentenceTagger.load(), settings);
        OfferProbabilityModel model = new OfferProbabilityModel();
        sandbox.requireSandbox(OfferPulseTopology.build(settings, engine, model, sandbox.names()).describe());
        assertThatThrownBy(() -> sandbox.requireSandbox(
                OfferPulseTopology.build(settings, engine, model, TopicNames.live()).describe()))
                .hasMessageContaining("Refusing to write");
    }
}
