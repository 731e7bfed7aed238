package com.offerpulse.stream.prompts;

import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

import com.offerpulse.contracts.growth.ProductEvent;
import com.offerpulse.contracts.topic.Topic;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.platform.kafka.LowLatencyStreamsConfig;
import com.offerpulse.stream.StreamSettings;

/**
 * The testimonial prompt per user, its own Kafka Streams application ({@code offerpulse-prompts}) beside the main
 * topology, as a pure builder.
 *
 * <pre>
 * session.summaries.v1 (key user) ──┐
 *                                   ├─ prompts (key user) ── user.prompts.v1 (compacted)
 * product.events.v1 (key user) ─────┘   store: prompt-state
 *   only testimonial_prompt_shown / _dismissed / _submitted of signed-in users
 * </pre>
 *
 * Both inputs are keyed by user id with the same partition count, so a user's rounds and answers meet in one task
 * without a repartition.
 */
public final class PromptTopology {
    public static final String PROMPT_STORE = "prompt-state";

    private PromptTopology() {
    }

    public static Topology build(PromptSettings settings) {
        StreamsBuilder builder = new StreamsBuilder();
        build(builder, settings);
        return builder.build();
    }

    public static void build(StreamsBuilder builder, PromptSettings settings) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PROMPT_STORE),
                Serdes.String(), Topics.USER_PROMPTS.valueSerde()));
        PromptRules rules = new PromptRules(settings);

        KStream<String, PromptInput> rounds = builder.stream(Topics.SESSION_SUMMARIES.name(),
                consumed(Topics.SESSION_SUMMARIES, "summaries"))
                .mapValues(PromptInput.Round::of, Named.as("round-inputs"));
        KStream<String, PromptInput> answers = builder.stream(Topics.PRODUCT_EVENTS.name(),
                consumed(Topics.PRODUCT_EVENTS, "events"))
                .filter((key, e) -> isOwnEvent(key, e), Named.as("signed-in-events"))
                .mapValues(PromptInput::of, Named.as("answer-inputs"))
                .filter((key, input) -> input != null, Named.as("prompt-answers"));

        rounds.merge(answers, Named.as("prompt-inputs"))
                .process(() -> new PromptProcessor(rules), Named.as("prompts"), PROMPT_STORE)
                .to(Topics.USER_PROMPTS.name(), Produced.with(Topics.USER_PROMPTS.keySerde(),
                        Topics.USER_PROMPTS.valueSerde()).withName("prompts-sink"));
    }

    /** Only a signed-in user's events, on the partition of that user (anonymous ones have no prompt). */
    private static boolean isOwnEvent(String key, ProductEvent e) {
        return e != null && e.userId() != null && e.userId().equals(key);
    }

    private static <V> Consumed<String, V> consumed(Topic<String, V> topic, String name) {
        return Consumed.with(topic.keySerde(), topic.valueSerde()).withName(name + "-source");
    }

    /** The shared low-latency, exactly-once settings under this application's own id. */
    public static Properties streamsConfig(PromptSettings settings, StreamSettings stream, String bootstrap) {
        return LowLatencyStreamsConfig.of(settings.applicationId(), bootstrap, stream.stateDir(),
                stream.commitInterval(), stream.standbyReplicas(), stream.replicationFactor(), stream.sessionTimeout());
    }
}
