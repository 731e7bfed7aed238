package com.offerpulse.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.offerpulse.contracts.analytics.Driver;
import com.offerpulse.contracts.analytics.MeterValues;
import com.offerpulse.contracts.analytics.SessionSummary;
import com.offerpulse.contracts.growth.ProductEvent;
import com.offerpulse.contracts.growth.ProductEventName;
import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.contracts.session.EndReason;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.testsupport.kafka.TopicReader;

import tools.jackson.databind.JsonNode;

/**
 * The KPI queries through the whole platform on a real in-process broker: landing, CTA and first-meter events posted
 * to {@code /api/events}, one user's three rounds through the real pipeline (segments → summaries → the KPI stream),
 * and four more users' summaries written straight to {@code session.summaries.v1} with end times in the past (for
 * retention). The three endpoints answer the numbers those inputs define, and only to analysts.
 */
class KpiIT {
    private static final MeterValues SOME_METERS = new MeterValues(60, 55, 50, 65, 40);

    private static RunningPlatform platform;
    private static PlatformClient client;
    private static WebTestClient web;

    @BeforeAll
    static void start() throws Exception {
        platform = PlatformClient.startFresh("kpi");
        client = new PlatformClient(platform);
        web = client.web();
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void shouldAnswerNorthStarFunnelAndWeeklyReviewFromEventsAndRoundsToAnalystsOnly() throws Exception {
        String analyst = "Bearer " + client.withRole(com.offerpulse.contracts.auth.Role.ANALYST, "u_kpi_analyst").token();
        String candidate = "Bearer " + client.login("kpi-candidate").token();
        for (String path : List.of("/api/kpi/north-star?days=30", "/api/kpi/funnel?days=7", "/api/kpi/weekly-review")) {
            web.get().uri(path).exchange().expectStatus().isUnauthorized()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            web.get().uri(path).header("Authorization", candidate).exchange().expectStatus().isForbidden()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        web.get().uri("/api/kpi/funnel?days=91").header("Authorization", analyst).exchange().expectStatus()
                .isBadRequest();

        // The funnel: visitor 1 lands twice (one visit that day), clicks, signs in and sees a meter; visitor 2 lands.
        client.event("landing_view", "anon-kpi-1", null);
        client.event("landing_view", "anon-kpi-1", null);
        client.event("cta_click", "anon-kpi-1", null);
        client.event("landing_view", "anon-kpi-2", null);
        PlatformClient.Login grace = client.login("kpi-grace");
        client.event("first_meter_seen", "anon-kpi-1", grace.token());

        // Grace improves over three rounds played through the real pipeline.
        client.playRound(grace, "Um, I basically did some stuff.");
        client.playRound(grace, "At my last job our checkout API failed 4% of requests at peak.",
                "I traced the failures to one retry bug and I fixed it behind a feature flag.",
                "Errors fell from 4% to 0.5% within two weeks.", "I then added an alert on the error rate.",
                "I learned to measure before I change anything.");
        client.playRound(grace, "Our billing system produced 300 wrong invoices a month.",
                "I led the migration of the invoice service to Postgres with two engineers.",
                "I wrote the reconciliation job and I tested it against a year of data.",
                "Invoice errors fell by 80% in one quarter and support tickets halved.",
                "Next time I would involve finance earlier.");
        List<SessionSummary> graceRounds = client.awaitRecords(Topics.SESSION_SUMMARIES.name(), grace.userId(),
                SessionSummary.class, l -> l.size() == 3);
        assertThat(graceRounds).hasSize(3);
        graceRounds = graceRounds.stream().sorted(Comparator.comparing(SessionSummary::endedAt)).toList();
        assertThat(graceRounds.get(2).offerProbabilityAfter())
                .as("precondition: grace's offer probability rose over her three rounds")
                .isGreaterThan(graceRounds.get(0).offerProbabilityAfter());

        // Four more users, their rounds written as the stream processor would have written them days ago.
        Instant now = Instant.now();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            // falling: three rounds this week, offer probability went down
            summary(producer, "u_kpi_falling", "s-fall-1", now.minus(3, ChronoUnit.DAYS), null, 0.50);
            summary(producer, "u_kpi_falling", "s-fall-2", now.minus(2, ChronoUnit.DAYS), 0.50, 0.45);
            summary(producer, "u_kpi_falling", "s-fall-3", now.minus(1, ChronoUnit.DAYS), 0.45, 0.42);
            // rising: three rounds this week, offer probability went up
            summary(producer, "u_kpi_rising", "s-rise-1", now.minus(6, ChronoUnit.DAYS), 0.30, 0.33);
            summary(producer, "u_kpi_rising", "s-rise-2", now.minus(5, ChronoUnit.DAYS), 0.33, 0.36);
            summary(producer, "u_kpi_rising", "s-rise-3", now.minus(4, ChronoUnit.DAYS), 0.36, 0.40);
            // returned: first round 10 days ago, another 5 days later (retained)
            summary(producer, "u_kpi_returned", "s-ret-1", now.minus(10, ChronoUnit.DAYS), null, 0.30);
            summary(producer, "u_kpi_returned", "s-ret-2", now.minus(5, ChronoUnit.DAYS), 0.30, 0.35);
            // gone: first round 9 days ago, never came back
            summary(producer, "u_kpi_gone", "s-gone-1", now.minus(9, ChronoUnit.DAYS), null, 0.30);
        }

        // 30 days: active grace, falling, rising, returned, gone; improved over ≥ 3 rounds: grace and rising.
        JsonNode northStar = client.awaitJson("/api/kpi/north-star?days=30", analyst,
                j -> j.get("denominator").asLong() == 5 && j.get("numerator").asLong() == 2);
        assertThat(northStar.get("rate").asDouble()).isEqualTo(0.4);
        assertThat(northStar.get("days").asInt()).isEqualTo(30);
        assertThat(Instant.parse(northStar.get("window_end").asString())).isAfter(now);
        assertThat(Duration.between(Instant.parse(northStar.get("window_start").asString()),
                Instant.parse(northStar.get("window_end").asString()))).isEqualTo(Duration.ofDays(30));
        assertThat(northStar.get("weekly")).hasSize(8);
        assertThat(northStar.get("weekly").get(7).get("rate").asDouble()).isEqualTo(0.4);

        // 7 days: two visits, one click; time to wow from visitor 1's first landing view to the meter it saw;
        // retention: of returned and gone (first rounds 10 and 9 days ago), one came back within 7 days.
        long expectedWowMs = timeToWowMs("anon-kpi-1");
        JsonNode funnel = client.awaitJson("/api/kpi/funnel?days=7", analyst,
                j -> j.get("landing_views").asLong() == 2 && j.get("round_retention_7d").get("denominator").asLong() == 2
                        && !j.get("median_time_to_wow_ms").isNull());
        assertThat(funnel.get("cta_clicks").asLong()).isEqualTo(1);
        assertThat(funnel.get("landing_cvr").asDouble()).isEqualTo(0.5);
        assertThat(funnel.get("median_time_to_wow_ms").asLong()).isEqualTo(expectedWowMs);
        assertThat(funnel.get("round_retention_7d").get("numerator").asLong()).isEqualTo(1);
        assertThat(funnel.get("round_retention_7d").get("rate").asDouble()).isEqualTo(0.5);

        JsonNode review = client.awaitJson("/api/kpi/weekly-review", analyst,
                j -> !j.get("learning").get("top_positive_driver").isNull());
        JsonNode impact = review.get("conversion_impact");
        assertThat(impact.get("landing_cvr").get("value").asDouble()).isEqualTo(0.5);
        assertThat(impact.get("landing_cvr").get("previous").isNull()).isTrue();
        assertThat(impact.get("landing_cvr").get("change").isNull()).isTrue();
        assertThat(impact.get("median_time_to_wow_ms").get("value").asLong()).isEqualTo(expectedWowMs);
        assertThat(impact.get("round_retention_7d").get("value").asDouble()).isEqualTo(0.5);
        assertThat(impact.get("round_retention_7d").get("previous").isNull()).isTrue();
        // falling, rising and returned all last had impact strength helping most and risk drift hurting most
        assertThat(review.get("learning").get("top_positive_driver").asString()).isEqualTo("impact_strength");
        assertThat(review.get("learning").get("top_negative_driver").asString()).isEqualTo("risk_drift");
        assertThat(review.get("what_shipped").asString()).isEmpty();
        assertThat(review.get("next_week_highest_leverage_change").asString()).isEmpty();
        assertThat(review.get("week_end").asString()).isEqualTo(funnel.get("window_end").asString());
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    private static void summary(KafkaProducer<String, byte[]> producer, String userId, String sessionId,
            Instant endedAt, Double before, double after) throws Exception {
        List<Driver> drivers = List.of(new Driver("impact_strength", 0.6, "Impact strength 80/100 in this round."),
                new Driver("credibility", 0.2, "Credibility 60/100 in this round."),
                new Driver("risk_drift", -0.3, "Risk drift 70/100 in this round."));
        SessionSummary s = new SessionSummary(sessionId, userId, EndReason.CLIENT, SOME_METERS, 60.0, before, after,
                drivers, List.of(), List.of(), 5, endedAt);
        producer.send(new ProducerRecord<>(Topics.SESSION_SUMMARIES.name(), userId, JsonCodec.encode(s))).get();
    }

    /** From the events as the ingest API recorded them: first meter seen minus first landing view. */
    private static long timeToWowMs(String anonymousId) {
        List<ProductEvent> events = TopicReader.readAll(platform.kafkaBootstrap(), Topics.PRODUCT_EVENTS.name(),
                Duration.ofSeconds(10), true).stream().map(r -> JsonCodec.decode(r.value(), ProductEvent.class))
                .filter(e -> anonymousId.equals(e.anonymousId())).toList();
        Instant landing = first(events, ProductEventName.LANDING_VIEW);
        Instant meter = first(events, ProductEventName.FIRST_METER_SEEN);
        return Duration.between(landing, meter).toMillis();
    }

    private static Instant first(List<ProductEvent> events, ProductEventName name) {
        return events.stream().filter(e -> e.name() == name).map(ProductEvent::occurredAt).min(Comparator.naturalOrder())
                .orElseThrow(() -> new AssertionError("no " + name.wireName() + " event"));
    }
}
