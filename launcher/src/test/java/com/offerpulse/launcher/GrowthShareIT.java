package com.offerpulse.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.offerpulse.contracts.analytics.SessionSummary;
import com.offerpulse.contracts.growth.ProductEvent;
import com.offerpulse.contracts.growth.ProductEventName;
import com.offerpulse.contracts.growth.PromptState;
import com.offerpulse.contracts.growth.TestimonialPrompt;
import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.testsupport.kafka.TopicReader;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import tools.jackson.databind.JsonNode;

/**
 * Issue 7 through the launcher on a real in-process broker: a share link works the moment it is returned and stops
 * the moment its revoke returns (read-your-writes over the compacted topic), its raw token appears in no record of
 * any topic and no log line; the testimonial prompt appears after a round that raised the offer probability, and once
 * dismissed stays away after the next such round.
 */
class GrowthShareIT {
    /** docs/GROWTH.md, "Share snapshots". */
    private static final Set<String> PUBLIC_FIELDS = Set.of("offer_probability", "change_over_period", "period_days",
            "rounds_completed", "strengths", "focus_areas", "created_at", "expires_at");
    private static final Set<String> VIEW_FIELDS = Set.of("offer_probability", "change_over_period", "period_days",
            "rounds_completed", "strengths", "focus_areas");
    /** offerpulse.growth.testimonial.min-rise, default. */
    private static final double MIN_RISE = 0.03;
    private static final String PROMPTS_APPLICATION = "offerpulse-prompts";

    private static final String[] WEAK = {"Um, I basically did some stuff."};
    private static final String[] STRONG = {"At my last job our checkout API failed 4% of requests at peak.",
        "I traced the failures to one retry bug and I fixed it behind a feature flag.",
        "Errors fell from 4% to 0.5% within two weeks.", "I then added an alert on the error rate.",
        "I learned to measure before I change anything."};
    private static final String[] STRONGER = {"Our billing system produced 300 wrong invoices a month.",
        "I led the migration of the invoice service to Postgres with two engineers.",
        "I wrote the reconciliation job and I tested it against a year of data.",
        "Invoice errors fell by 80% in one quarter and support tickets halved.",
        "Next time I would involve finance earlier."};

    private static RunningPlatform platform;
    private static PlatformClient client;
    private static WebTestClient web;
    private static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();

    @BeforeAll
    static void start() throws Exception {
        platform = PlatformClient.startFresh("growth");
        client = new PlatformClient(platform);
        web = client.web();
        // After start: Spring Boot re-initialises logging while it starts.
        LOGS.start();
        root().addAppender(LOGS);
    }

    @AfterAll
    static void stop() {
        root().detachAppender(LOGS);
        if (platform != null) {
            platform.close();
        }
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @Test
    void shouldServeALinkTheMomentItIsCreatedAndNotTheMomentItIsRevokedWithoutTheTokenEverStored() throws Exception {
        PlatformClient.Login ada = client.login("ada-share-" + System.nanoTime());
        client.playRound(ada, STRONG);
        client.awaitJson("/api/user/offer-probability", ada.bearer(), j -> j.get("sessions_count").asInt() == 1);

        JsonNode created = JsonCodec.mapper().readTree(web.post().uri("/api/share")
                .header("Authorization", ada.bearer()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"period_days\":30}").exchange().expectStatus().isCreated()
                .expectBody().returnResult().getResponseBody());
        String token = created.get("token").asString();
        assertThat(created.get("url").asString()).endsWith("/s/" + token);

        // Immediately, without a retry and without a token: it works.
        JsonNode shown = JsonCodec.mapper().readTree(web.get().uri("/api/share/" + token).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(names(shown)).containsExactlyInAnyOrderElementsOf(PUBLIC_FIELDS);
        assertThat(shown.get("rounds_completed").asInt()).isEqualTo(1);

        PlatformClient.Login mallory = client.login("mallory-share-" + System.nanoTime());
        web.delete().uri("/api/share/" + token).header("Authorization", mallory.bearer()).exchange()
                .expectStatus().isNotFound();
        web.get().uri("/api/share/" + token).exchange().expectStatus().isOk();

        web.delete().uri("/api/share/" + token).header("Authorization", ada.bearer()).exchange()
                .expectStatus().isNoContent();
        // Immediately after the revoke returned: gone.
        web.get().uri("/api/share/" + token).exchange().expectStatus().isNotFound();

        List<ConsumerRecord<String, byte[]>> snapshots = TopicReader.readAll(platform.kafkaBootstrap(),
                Topics.SHARE_SNAPSHOTS.name(), Duration.ofSeconds(10), true);
        assertThat(snapshots).hasSize(2).allSatisfy(r -> {
            assertThat(r.key()).matches("[0-9a-f]{64}");
            assertThat(names(JsonCodec.mapper().readTree(r.value()).get("view")))
                    .containsExactlyInAnyOrderElementsOf(VIEW_FIELDS);
        });
        List<ProductEvent> shareEvents = client.awaitRecords(Topics.PRODUCT_EVENTS.name(), ada.userId(),
                ProductEvent.class, l -> l.stream().filter(e -> e.name().wireName().startsWith("share_")).count() >= 3)
                .stream().filter(e -> e.name().wireName().startsWith("share_")).toList();
        assertThat(shareEvents).extracting(ProductEvent::name).containsExactly(ProductEventName.SHARE_CREATED,
                ProductEventName.SHARE_VIEWED, ProductEventName.SHARE_VIEWED);
        assertThat(shareEvents).allSatisfy(e -> assertThat(e.properties().get("token_hash"))
                .isEqualTo(snapshots.get(0).key()));

        assertTokenInNoRecordOfAnyTopic(token);
        assertThat(LOGS.list).isNotEmpty().noneSatisfy(e -> assertThat(e.getFormattedMessage()
                + e.getKeyValuePairs() + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage()))
                .contains(token));
    }

    @Test
    void shouldPromptAfterARisingRoundAndStayAwayAfterTheNextOnceDismissed() throws Exception {
        PlatformClient.Login lin = client.login("lin-prompt-" + System.nanoTime());
        client.playRound(lin, WEAK);
        awaitSummaries(lin, 1);
        JsonNode none = client.awaitJson("/api/user/prompts", lin.bearer(), j -> true).get("testimonial");
        assertThat(none.get("show").asBoolean()).isFalse();

        String rising = client.playRound(lin, STRONG);
        SessionSummary second = awaitSummaries(lin, 2).get(1);
        System.out.printf("MEASURED offer probability rise of the second round: %.4f%n",
                second.offerProbabilityAfter() - second.offerProbabilityBefore());
        assertThat(second.offerProbabilityAfter() - second.offerProbabilityBefore())
                .as("precondition: the second round raised the offer probability by at least min-rise")
                .isGreaterThanOrEqualTo(MIN_RISE);

        JsonNode eligible = client.awaitJson("/api/user/prompts", lin.bearer(),
                j -> j.get("testimonial").get("show").asBoolean()).get("testimonial");
        assertThat(eligible.get("state").asString()).isEqualTo("eligible");
        assertThat(eligible.get("eligible_session_id").asString()).isEqualTo(rising);

        // The browser says it showed the prompt; the user dismisses it.
        web.post().uri("/api/events").header("Authorization", lin.bearer()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"testimonial_prompt_shown\"}").exchange().expectStatus().isAccepted();
        client.awaitJson("/api/user/prompts", lin.bearer(),
                j -> j.get("testimonial").get("state").asString().equals("shown"));
        web.post().uri("/api/user/prompts/testimonial/dismiss").header("Authorization", lin.bearer()).exchange()
                .expectStatus().isAccepted().expectBody().jsonPath("$.state").isEqualTo("dismissed");
        client.awaitJson("/api/user/prompts", lin.bearer(),
                j -> j.get("testimonial").get("state").asString().equals("dismissed")
                        && !j.get("testimonial").get("show").asBoolean());

        String third = client.playRound(lin, STRONGER);
        SessionSummary next = awaitSummaries(lin, 3).get(2);
        System.out.printf("MEASURED offer probability rise of the third round: %.4f%n",
                next.offerProbabilityAfter() - next.offerProbabilityBefore());
        assertThat(next.offerProbabilityAfter() - next.offerProbabilityBefore())
                .as("precondition: the third round was eligible too").isGreaterThanOrEqualTo(MIN_RISE);
        awaitPromptsProcessed(third);

        List<TestimonialPrompt> states = client.awaitRecords(Topics.USER_PROMPTS.name(), lin.userId(),
                TestimonialPrompt.class, l -> !l.isEmpty());
        assertThat(states).extracting(TestimonialPrompt::state).containsExactly(PromptState.ELIGIBLE,
                PromptState.SHOWN, PromptState.DISMISSED);
        JsonNode after = client.awaitJson("/api/user/prompts", lin.bearer(), j -> true).get("testimonial");
        assertThat(after.get("show").asBoolean()).isFalse();
        assertThat(after.get("state").asString()).isEqualTo("dismissed");
    }

    private static List<SessionSummary> awaitSummaries(PlatformClient.Login user, int count)
            throws InterruptedException {
        List<SessionSummary> summaries = client.awaitRecords(Topics.SESSION_SUMMARIES.name(), user.userId(),
                SessionSummary.class, l -> l.size() >= count);
        assertThat(summaries).hasSize(count);
        return summaries.stream().sorted(Comparator.comparing(SessionSummary::endedAt)).toList();
    }

    /** Until the prompt application has committed (exactly-once, with its outputs) past the round's summary. */
    private static void awaitPromptsProcessed(String sessionId) throws Exception {
        ConsumerRecord<String, byte[]> summary = TopicReader.readAll(platform.kafkaBootstrap(),
                Topics.SESSION_SUMMARIES.name(), Duration.ofSeconds(10), true).stream()
                .filter(r -> JsonCodec.decode(r.value(), SessionSummary.class).sessionId().equals(sessionId))
                .findFirst().orElseThrow();
        TopicPartition partition = new TopicPartition(summary.topic(), summary.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                platform.kafkaBootstrap()))) {
            for (long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos(); System.nanoTime() < deadline;) {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(PROMPTS_APPLICATION)
                        .partitionsToOffsetAndMetadata().get().get(partition);
                if (committed != null && committed.offset() > summary.offset()) {
                    return;
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the prompt application did not process round " + sessionId);
    }

    /** Every record of every topic on the broker, aborted transactions included. */
    private static void assertTokenInNoRecordOfAnyTopic(String token) throws Exception {
        byte[] needle = token.getBytes(StandardCharsets.US_ASCII);
        List<String> topics;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                platform.kafkaBootstrap()))) {
            topics = new ArrayList<>(admin.listTopics().names().get());
        }
        assertThat(topics).contains(Topics.SHARE_SNAPSHOTS.name(), Topics.PRODUCT_EVENTS.name());
        int read = 0;
        for (String topic : topics) {
            for (ConsumerRecord<String, byte[]> r : TopicReader.readAll(platform.kafkaBootstrap(), topic,
                    Duration.ofSeconds(10), false)) {
                read++;
                assertThat(r.key() == null || !r.key().contains(token)).as("key on %s", topic).isTrue();
                assertThat(r.value() == null || indexOf(r.value(), needle) < 0).as("value on %s", topic).isTrue();
            }
        }
        assertThat(read).isPositive();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().iterator().forEachRemaining(names::add);
        return names;
    }
}
