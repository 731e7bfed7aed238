package com.offerpulse.stream;

import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import com.offerpulse.contracts.json.JsonSerde;
import com.offerpulse.contracts.topic.Topic;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.platform.kafka.LowLatencyStreamsConfig;
import com.offerpulse.stream.probability.OfferProbabilityModel;
import com.offerpulse.stream.rounds.RoundEngine;
import com.offerpulse.stream.rounds.RoundInput;
import com.offerpulse.stream.rounds.RoundOutcome;
import com.offerpulse.stream.rounds.RoundOutput;
import com.offerpulse.stream.rounds.RoundProcessor;
import com.offerpulse.stream.rounds.RoundState;
import com.offerpulse.stream.users.UserOutput;
import com.offerpulse.stream.users.UserProcessor;
import com.offerpulse.stream.users.UserRounds;

/**
 * The stream processor's topology, as a pure builder (STYLE.md): the Spring bean and the TopologyTestDriver tests
 * call the same {@link #build} method.
 *
 * <pre>
 * transcript.segments.v1 ─┐
 *                         ├─ rounds (key session) ─┬─ transcript.sentences.v1
 * session.lifecycle.v1 ───┘   store: round-state   ├─ session.meters.v1
 *                                                  ├─ session.lifecycle.v1 (timeout ends)
 *                                                  └─ round-outcomes (repartition by user)
 *                                                        └─ users (key user) ─┬─ session.summaries.v1
 *                                                            store: user-rounds ├─ user.offer-probability.v1
 *                                                                               └─ product.events.v1
 * </pre>
 */
public final class OfferPulseTopology {
    public static final String ROUND_STORE = "round-state";
    public static final String USER_STORE = "user-rounds";
    public static final String ROUND_OUTCOMES = "round-outcomes";
    public static final List<String> METER_NAMES = List.of("credibility", "star_structure", "confidence_stability",
            "impact_strength", "risk_drift");

    private OfferPulseTopology() {
    }

    /**
     * The topics the topology reads and writes. {@link #live()} are the registry's names; a replay runs the very same
     * topology on copies ({@link #withPrefix}), so it never reads or writes a live topic. The internal topics
     * (repartition, changelogs) are named after the application id, which a replay also makes its own.
     */
    public record TopicNames(String segments, String lifecycle, String sentences, String meters, String summaries,
            String offerProbability, String productEvents) {

        public static TopicNames live() {
            return new TopicNames(Topics.TRANSCRIPT_SEGMENTS.name(), Topics.SESSION_LIFECYCLE.name(),
                    Topics.TRANSCRIPT_SENTENCES.name(), Topics.SESSION_METERS.name(),
                    Topics.SESSION_SUMMARIES.name(), Topics.USER_OFFER_PROBABILITY.name(),
                    Topics.PRODUCT_EVENTS.name());
        }

        /** Every name with {@code prefix} in front, e.g. {@code sandbox.r1.transcript.segments.v1}. */
        public TopicNames withPrefix(String prefix) {
            return new TopicNames(prefix + segments, prefix + lifecycle, prefix + sentences, prefix + meters,
                    prefix + summaries, prefix + offerProbability, prefix + productEvents);
        }

        /** The topics records are read from (the lifecycle topic is also written: rounds ended by timeout). */
        public List<String> inputs() {
            return List.of(segments, lifecycle);
        }

        /** Every topic the topology writes to. */
        public List<String> outputs() {
            return List.of(sentences, meters, lifecycle, summaries, offerProbability, productEvents);
        }
    }

    public static Topology build(StreamSettings settings, RoundEngine engine, OfferProbabilityModel model) {
        return build(settings, engine, model, TopicNames.live());
    }

    /** The topology over other topics than the live ones (a replay's sandbox); the processing is the same. */
    public static Topology build(StreamSettings settings, RoundEngine engine, OfferProbabilityModel model,
            TopicNames topics) {
        StreamsBuilder builder = new StreamsBuilder();
        build(builder, settings, engine, model, topics);
        return builder.build();
    }

    public static void build(StreamsBuilder builder, StreamSettings settings, RoundEngine engine,
            OfferProbabilityModel model) {
        build(builder, settings, engine, model, TopicNames.live());
    }

    public static void build(StreamsBuilder builder, StreamSettings settings, RoundEngine engine,
            OfferProbabilityModel model, TopicNames topics) {
        StoreBuilder<KeyValueStore<String, RoundState>> roundStore = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ROUND_STORE), Serdes.String(), new JsonSerde<>(RoundState.class));
        StoreBuilder<KeyValueStore<String, UserRounds>> userStore = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(USER_STORE), Serdes.String(), new JsonSerde<>(UserRounds.class));
        builder.addStateStore(roundStore);
        builder.addStateStore(userStore);

        KStream<String, RoundInput> segments = builder.stream(topics.segments(),
                consumed(Topics.TRANSCRIPT_SEGMENTS, "segments")).mapValues(RoundInput::of, Named.as("segment-input"));
        KStream<String, RoundInput> lifecycle = builder.stream(topics.lifecycle(),
                consumed(Topics.SESSION_LIFECYCLE, "lifecycle")).mapValues(RoundInput::of, Named.as("lifecycle-input"));

        KStream<String, RoundOutput> rounds = segments.merge(lifecycle, Named.as("round-inputs"))
                .process(() -> new RoundProcessor(engine, settings.inactivityTimeout(), settings.timeoutScan(),
                        settings.endedRetention()), Named.as("rounds"), ROUND_STORE);

        rounds.split(Named.as("round-"))
                .branch((k, v) -> v instanceof RoundOutput.Sentence, Branched.withConsumer(s -> s
                        .mapValues(v -> ((RoundOutput.Sentence) v).value(), Named.as("sentence-values"))
                        .to(topics.sentences(), produced(Topics.TRANSCRIPT_SENTENCES, "sentences")),
                        "sentences"))
                .branch((k, v) -> v instanceof RoundOutput.Meters, Branched.withConsumer(s -> s
                        .mapValues(v -> ((RoundOutput.Meters) v).value(), Named.as("meter-values"))
                        .to(topics.meters(), produced(Topics.SESSION_METERS, "meters")), "meters"))
                .branch((k, v) -> v instanceof RoundOutput.Timeout, Branched.withConsumer(s -> s
                        .mapValues(v -> (com.offerpulse.contracts.session.SessionLifecycleEvent)
                                ((RoundOutput.Timeout) v).value(), Named.as("timeout-values"))
                        .to(topics.lifecycle(), produced(Topics.SESSION_LIFECYCLE, "timeouts")),
                        "timeouts"))
                .branch((k, v) -> v instanceof RoundOutput.Closed, Branched.withConsumer(s -> s
                        .mapValues(v -> ((RoundOutput.Closed) v).value(), Named.as("outcome-values"))
                        .repartition(Repartitioned.<String, RoundOutcome>as(ROUND_OUTCOMES)
                                .withKeySerde(Serdes.String()).withValueSerde(new JsonSerde<>(RoundOutcome.class)))
                        .process(() -> new UserProcessor(model, settings.recentRounds()), Named.as("users"),
                                USER_STORE)
                        .split(Named.as("user-"))
                        .branch((k, v) -> v instanceof UserOutput.Summary, Branched.withConsumer(u -> u
                                .mapValues(v -> ((UserOutput.Summary) v).value(), Named.as("summary-values"))
                                .to(topics.summaries(), produced(Topics.SESSION_SUMMARIES, "summaries")),
                                "summaries"))
                        .branch((k, v) -> v instanceof UserOutput.Probability, Branched.withConsumer(u -> u
                                .mapValues(v -> ((UserOutput.Probability) v).value(), Named.as("probability-values"))
                                .to(topics.offerProbability(),
                                        produced(Topics.USER_OFFER_PROBABILITY, "probabilities")),
                                "probabilities"))
                        .branch((k, v) -> v instanceof UserOutput.Event, Branched.withConsumer(u -> u
                                .mapValues(v -> ((UserOutput.Event) v).value(), Named.as("event-values"))
                                .to(topics.productEvents(), produced(Topics.PRODUCT_EVENTS, "completions")),
                                "events"))
                        .noDefaultBranch(), "outcomes"))
                .noDefaultBranch();
    }

    private static <V> Consumed<String, V> consumed(Topic<String, V> topic, String name) {
        return Consumed.with(topic.keySerde(), topic.valueSerde()).withName(name + "-source");
    }

    private static <V> Produced<String, V> produced(Topic<String, V> topic, String name) {
        return Produced.with(topic.keySerde(), topic.valueSerde()).withName(name + "-sink");
    }

    /**
     * Streams configuration (docs/ARCHITECTURE.md, "Stream processing"): exactly-once v2, no record cache and a
     * short commit interval so a segment's meter update is not held back, RocksDB stores with changelogs.
     */
    public static Properties streamsConfig(StreamSettings settings, String bootstrap) {
        Properties p = LowLatencyStreamsConfig.of(settings.applicationId(), bootstrap, settings.stateDir(),
                settings.commitInterval(), settings.standbyReplicas(), settings.replicationFactor(),
                settings.sessionTimeout());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.threads());
        return p;
    }
}
