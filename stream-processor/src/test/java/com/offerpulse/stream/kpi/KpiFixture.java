package com.offerpulse.stream.kpi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

import com.offerpulse.contracts.analytics.Driver;
import com.offerpulse.contracts.analytics.MeterValues;
import com.offerpulse.contracts.analytics.SessionSummary;
import com.offerpulse.contracts.growth.ProductEvent;
import com.offerpulse.contracts.growth.ProductEventName;
import com.offerpulse.contracts.kpi.DailyFunnel;
import com.offerpulse.contracts.kpi.UserActivity;
import com.offerpulse.contracts.session.EndReason;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.stream.StreamSettings;

/** The KPI topology in a TopologyTestDriver, with helpers to write summaries and product events into it. */
final class KpiFixture implements AutoCloseable {
    private static final MeterValues NEUTRAL = new MeterValues(50, 50, 50, 50, 50);

    final TopologyTestDriver driver;
    private final TestInputTopic<String, ProductEvent> events;
    private final TestInputTopic<String, SessionSummary> summaries;
    private final TestOutputTopic<String, UserActivity> activity;
    private final TestOutputTopic<String, DailyFunnel> daily;
    private final Map<String, UserActivity> users = new java.util.TreeMap<>();
    private final Map<String, DailyFunnel> days = new java.util.TreeMap<>();
    private int eventSeq;

    KpiFixture() {
        this(KpiSettings.defaults());
    }

    KpiFixture(KpiSettings settings) {
        Properties props = KpiTopology.streamsConfig(settings, StreamSettings.defaults(), "unused:9092");
        props.put("state.dir", System.getProperty("java.io.tmpdir") + "/kpi-tt-" + UUID.randomUUID());
        driver = new TopologyTestDriver(KpiTopology.build(settings), props);
        events = driver.createInputTopic(Topics.PRODUCT_EVENTS.name(), new StringSerializer(),
                Topics.PRODUCT_EVENTS.valueSerde().serializer());
        summaries = driver.createInputTopic(Topics.SESSION_SUMMARIES.name(), new StringSerializer(),
                Topics.SESSION_SUMMARIES.valueSerde().serializer());
        activity = driver.createOutputTopic(Topics.KPI_USER_ACTIVITY.name(), new StringDeserializer(),
                Topics.KPI_USER_ACTIVITY.valueSerde().deserializer());
        daily = driver.createOutputTopic(Topics.KPI_DAILY.name(), new StringDeserializer(),
                Topics.KPI_DAILY.valueSerde().deserializer());
    }

    /** A completed round; {@code before} null means the user's first round. Drivers: strongest positive/negative. */
    KpiFixture round(String userId, String sessionId, String endedAt, Double before, double after, String plus,
            String minus) {
        List<Driver> drivers = new ArrayList<>();
        if (plus != null) {
            drivers.add(new Driver(plus, 0.5, "helps"));
            drivers.add(new Driver("credibility".equals(plus) ? "star_structure" : "credibility", 0.1, "helps a bit"));
        }
        if (minus != null) {
            drivers.add(new Driver(minus, -0.4, "hurts"));
        }
        SessionSummary s = new SessionSummary(sessionId, userId, EndReason.CLIENT, NEUTRAL, 50.0, before, after,
                drivers, List.of(), List.of(), 5, Instant.parse(endedAt));
        summaries.pipeInput(userId, s, s.endedAt());
        return this;
    }

    KpiFixture round(String userId, String sessionId, String endedAt, Double before, double after) {
        return round(userId, sessionId, endedAt, before, after, null, null);
    }

    /** A product event keyed as ingest keys it: by the user when signed in, else the anonymous id. */
    KpiFixture event(ProductEventName name, String anonymousId, String userId, String occurredAt) {
        ProductEvent e = new ProductEvent("ev-" + (++eventSeq), name, anonymousId, userId, null, Map.of(),
                Instant.parse(occurredAt));
        events.pipeInput(e.partitionKey(), e, e.occurredAt());
        return this;
    }

    /** The compacted views: the latest record per key of both KPI topics, after everything piped so far. */
    Map<String, UserActivity> users() {
        drain();
        return users;
    }

    Map<String, DailyFunnel> days() {
        drain();
        return days;
    }

    private void drain() {
        activity.readKeyValuesToList().forEach(kv -> users.put(kv.key, kv.value));
        daily.readKeyValuesToList().forEach(kv -> days.put(kv.key, kv.value));
    }

    @Override
    public void close() {
        driver.close();
    }

    static List<byte[]> encoded(Map<String, ?> latest) {
        List<byte[]> out = new ArrayList<>();
        latest.forEach((k, v) -> out.add(com.offerpulse.contracts.json.JsonCodec.encode(v)));
        return out;
    }
}
