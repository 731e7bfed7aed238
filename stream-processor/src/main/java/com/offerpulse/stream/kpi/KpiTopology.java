package com.offerpulse.stream.kpi;

import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

import com.offerpulse.contracts.growth.ProductEvent;
import com.offerpulse.contracts.json.JsonSerde;
import com.offerpulse.contracts.kpi.DailyFunnel;
import com.offerpulse.contracts.kpi.UserActivity;
import com.offerpulse.contracts.topic.Topic;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.platform.kafka.LowLatencyStreamsConfig;
import com.offerpulse.stream.StreamSettings;

/**
 * The KPI derivation, its own Kafka Streams application ({@code offerpulse-kpi}), as a pure builder. Event time
 * only (summaries' {@code ended_at}, events' {@code occurred_at}), no wall clock, so a replay gives the same records.
 *
 * <pre>
 * product.events.v1 ─┬─ with a user id ──┐
 *                    │                   ├─ user-activity (key user, store kpi-user-activity) ─ kpi.user-activity.v1
 * session.summaries.v1 ──────────────────┘
 *                    └─ landing_view, cta_click, first_meter_seen
 *                         ─ by identity (repartition) ─ identities (store kpi-identities)
 *                         ─ by day (repartition) ─ days (store kpi-daily) ─ kpi.daily.v1
 * </pre>
 */
public final class KpiTopology {
    public static final String USER_ACTIVITY_STORE = "kpi-user-activity";
    public static final String IDENTITY_STORE = "kpi-identities";
    public static final String DAILY_STORE = "kpi-daily";
    public static final String BY_IDENTITY = "funnel-by-identity";
    public static final String BY_DAY = "funnel-by-day";

    private KpiTopology() {
    }

    public static Topology build(KpiSettings settings) {
        StreamsBuilder builder = new StreamsBuilder();
        UserActivityFold activity = new UserActivityFold(settings.activityRetentionDays());
        FunnelFold funnel = new FunnelFold(settings.activityRetentionDays(), settings.maxWowSamplesPerDay());

        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(USER_ACTIVITY_STORE),
                Serdes.String(), Topics.KPI_USER_ACTIVITY.valueSerde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(IDENTITY_STORE),
                Serdes.String(), new JsonSerde<>(IdentityFunnel.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DAILY_STORE),
                Serdes.String(), Topics.KPI_DAILY.valueSerde()));

        KStream<String, ProductEvent> events = builder.stream(Topics.PRODUCT_EVENTS.name(),
                consumed(Topics.PRODUCT_EVENTS, "kpi-events"));

        // Events carrying a user id are keyed by it (ProductEvent#partitionKey), like the summaries: co-partitioned.
        KStream<String, Object> userEvents = events
                .filter((key, e) -> e != null && e.userId() != null && e.userId().equals(key), Named.as("kpi-user-events"))
                .mapValues(e -> (Object) e, Named.as("kpi-user-events-any"));
        KStream<String, Object> rounds = builder.stream(Topics.SESSION_SUMMARIES.name(),
                consumed(Topics.SESSION_SUMMARIES, "kpi-summaries")).mapValues(s -> (Object) s, Named.as("kpi-rounds-any"));
        KStream<String, UserActivity> activities = userEvents.merge(rounds, Named.as("kpi-user-inputs"))
                .process(() -> new UserActivityProcessor(activity), Named.as("kpi-user-activity"), USER_ACTIVITY_STORE);
        activities.to(Topics.KPI_USER_ACTIVITY.name(), produced(Topics.KPI_USER_ACTIVITY, "kpi-user-activity"));

        KStream<String, DailyFunnel> days = events
                .filter((key, e) -> e != null && FunnelFold.FUNNEL_EVENTS.contains(e.name()), Named.as("kpi-funnel-events"))
                .selectKey((key, e) -> FunnelFold.identityOf(e), Named.as("kpi-by-identity-key"))
                .repartition(Repartitioned.<String, ProductEvent>as(BY_IDENTITY).withKeySerde(Serdes.String())
                        .withValueSerde(Topics.PRODUCT_EVENTS.valueSerde()))
                .process(() -> new IdentityFunnelProcessor(funnel), Named.as("kpi-identities"), IDENTITY_STORE)
                .repartition(Repartitioned.<String, FunnelDelta>as(BY_DAY).withKeySerde(Serdes.String())
                        .withValueSerde(new JsonSerde<>(FunnelDelta.class)))
                .process(() -> new DailyFunnelProcessor(funnel), Named.as("kpi-days"), DAILY_STORE);
        days.to(Topics.KPI_DAILY.name(), produced(Topics.KPI_DAILY, "kpi-daily"));
        return builder.build();
    }

    /** The shared low-latency settings with the KPI application id and its own (slower) commit interval. */
    public static Properties streamsConfig(KpiSettings settings, StreamSettings stream, String bootstrap) {
        return LowLatencyStreamsConfig.of(settings.applicationId(), bootstrap, stream.stateDir(),
                settings.commitInterval(), stream.standbyReplicas(), stream.replicationFactor(),
                stream.sessionTimeout());
    }

    private static <V> Consumed<String, V> consumed(Topic<String, V> topic, String name) {
        return Consumed.with(topic.keySerde(), topic.valueSerde()).withName(name + "-source");
    }

    private static <V> Produced<String, V> produced(Topic<String, V> topic, String name) {
        return Produced.with(topic.keySerde(), topic.valueSerde()).withName(name + "-sink");
    }
}
