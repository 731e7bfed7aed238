package com.offerpulse.query.views;

import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

import com.offerpulse.contracts.analytics.SessionSummary;
import com.offerpulse.contracts.analytics.UserOfferProbability;
import com.offerpulse.contracts.growth.TestimonialPrompt;
import com.offerpulse.contracts.json.JsonSerde;
import com.offerpulse.contracts.session.SessionDeleted;
import com.offerpulse.contracts.topic.Topic;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.platform.kafka.LowLatencyStreamsConfig;
import com.offerpulse.query.QuerySettings;

/**
 * The read side's materialized views, as a pure builder. Queryable stores:
 * <ul>
 * <li>{@value #OFFER_PROBABILITY_STORE} (user id → the compacted {@code user.offer-probability.v1})</li>
 * <li>{@value #USER_ROUNDS_STORE} (user id → rounds newest first), from summaries and deletions</li>
 * <li>{@value #SESSION_STORE} (session id → owner, question, times, latest meters, summary), from the lifecycle,
 * meters and summaries (re-keyed by session)</li>
 * <li>{@value #SENTENCE_STORE} ({@code <session id>#<index>} → one tagged sentence), written by the same processor,
 * so a round's sentences sit on its session id's partition: a read routed by the session id finds them with a prefix
 * scan, in order</li>
 * <li>{@value #PROMPTS_STORE} (user id → the testimonial prompt, the compacted {@code user.prompts.v1})</li>
 * </ul>
 * Every key of a store lives on one partition; an instance owns the partitions Kafka Streams assigned it.
 * <p>
 * <b>Record budget.</b> No record of any store or changelog grows with a round or with a user's history: each is at
 * most {@value #RECORD_BUDGET_BYTES} bytes for input within the platform's bounds ({@code ViewRecordBudgetTest}).
 */
public final class QueryTopology {
    public static final String OFFER_PROBABILITY_STORE = "offer-probability";
    public static final String USER_ROUNDS_STORE = "user-rounds-view";
    public static final String SESSION_STORE = "session-views";
    /** Session id + {@code #} + zero-padded sentence index → the tagged sentence ({@link SentenceKeys}). */
    public static final String SENTENCE_STORE = "session-sentences";
    /** The largest record any store or changelog of the read side may write (far under the 1 MiB producer limit). */
    public static final int RECORD_BUDGET_BYTES = 64 * 1024;
    /** User id → the testimonial prompt of the current cycle (the compacted {@code user.prompts.v1}). */
    public static final String PROMPTS_STORE = "user-prompts";

    private QueryTopology() {
    }

    /** @param roundsListed rounds kept in a user's list, newest first ({@code offerpulse.query.rounds-listed}) */
    public static Topology build(int roundsListed) {
        StreamsBuilder builder = new StreamsBuilder();
        build(builder, roundsListed);
        return builder.build();
    }

    public static void build(StreamsBuilder builder, int roundsListed) {
        builder.table(Topics.USER_OFFER_PROBABILITY.name(), consumed(Topics.USER_OFFER_PROBABILITY, "probabilities"),
                Materialized.<String, UserOfferProbability, KeyValueStore<Bytes, byte[]>>as(OFFER_PROBABILITY_STORE)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(Topics.USER_OFFER_PROBABILITY.valueSerde()));

        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SESSION_STORE),
                Serdes.String(), new JsonSerde<>(SessionView.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SENTENCE_STORE),
                Serdes.String(), Topics.TRANSCRIPT_SENTENCES.valueSerde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(USER_ROUNDS_STORE),
                Serdes.String(), new JsonSerde<>(UserRoundList.class)));

        KStream<String, Object> lifecycle = builder.stream(Topics.SESSION_LIFECYCLE.name(),
                consumed(Topics.SESSION_LIFECYCLE, "lifecycle")).mapValues(v -> (Object) v, Named.as("lifecycle-any"));
        KStream<String, Object> sentences = builder.stream(Topics.TRANSCRIPT_SENTENCES.name(),
                consumed(Topics.TRANSCRIPT_SENTENCES, "sentences")).mapValues(v -> (Object) v, Named.as("sentence-any"));
        KStream<String, Object> meters = builder.stream(Topics.SESSION_METERS.name(),
                consumed(Topics.SESSION_METERS, "meters")).mapValues(v -> (Object) v, Named.as("meters-any"));
        KStream<String, SessionSummary> summaries = builder.stream(Topics.SESSION_SUMMARIES.name(),
                consumed(Topics.SESSION_SUMMARIES, "summaries"));

        // A null summary (a stray tombstone) has no session to key by: it goes on to the user processor, which skips
        // and counts it, instead of failing here.
        KStream<String, Object> summariesBySession = summaries
                .filter((userId, s) -> s != null, Named.as("summaries-present"))
                .selectKey((userId, s) -> s.sessionId(), Named.as("summary-by-session"))
                .repartition(Repartitioned.<String, SessionSummary>as("summaries-by-session")
                        .withKeySerde(Serdes.String()).withValueSerde(Topics.SESSION_SUMMARIES.valueSerde()))
                .mapValues(v -> (Object) v, Named.as("summary-any"));

        lifecycle.merge(sentences, Named.as("merge-sentences")).merge(meters, Named.as("merge-meters"))
                .merge(summariesBySession, Named.as("merge-summaries"))
                .process(SessionViewProcessor::new, Named.as(SessionViewProcessor.NAME), SESSION_STORE,
                        SENTENCE_STORE);

        KStream<String, Object> deletionsByUser = lifecycle
                .filter((k, v) -> v instanceof SessionDeleted, Named.as("deletions"))
                .mapValues(v -> (SessionDeleted) v, Named.as("deletion-values"))
                .selectKey((sessionId, d) -> d.userId(), Named.as("deletion-by-user"))
                .repartition(Repartitioned.<String, SessionDeleted>as("deletions-by-user")
                        .withKeySerde(Serdes.String()).withValueSerde(new JsonSerde<>(SessionDeleted.class)))
                .mapValues(v -> (Object) v, Named.as("deletion-any"));
        summaries.mapValues(v -> (Object) v, Named.as("summary-by-user-any"))
                .merge(deletionsByUser, Named.as("merge-deletions"))
                .process(() -> new UserRoundsProcessor(roundsListed), Named.as(UserRoundsProcessor.NAME),
                        USER_ROUNDS_STORE);

        builder.table(Topics.USER_PROMPTS.name(), consumed(Topics.USER_PROMPTS, "prompts"),
                Materialized.<String, TestimonialPrompt, KeyValueStore<Bytes, byte[]>>as(PROMPTS_STORE)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(Topics.USER_PROMPTS.valueSerde()));
    }

    private static <V> Consumed<String, V> consumed(Topic<String, V> topic, String name) {
        return Consumed.with(topic.keySerde(), topic.valueSerde()).withName(name + "-source");
    }

    /**
     * Streams configuration for the read side: exactly-once (a view never shows half of an input), no cache so a
     * view is queryable the moment its record is processed, {@code application.server} for key routing.
     */
    public static Properties streamsConfig(QuerySettings settings, String bootstrap, String applicationServer) {
        Properties p = LowLatencyStreamsConfig.of(settings.applicationId(), bootstrap, settings.stateDir(),
                settings.commitInterval(), settings.standbyReplicas(), settings.replicationFactor(),
                settings.sessionTimeout());
        p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
        return p;
    }
}
