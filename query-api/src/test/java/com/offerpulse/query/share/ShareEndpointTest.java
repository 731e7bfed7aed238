package com.offerpulse.query.share;

import static com.offerpulse.testsupport.web.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.offerpulse.contracts.analytics.MeterValues;
import com.offerpulse.contracts.growth.ProductEvent;
import com.offerpulse.contracts.growth.ProductEventName;
import com.offerpulse.contracts.growth.ShareSnapshot;
import com.offerpulse.contracts.growth.ShareView;
import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.contracts.session.EndReason;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.platform.kafka.OutboundRecord;
import com.offerpulse.query.support.FakeShareWriter;
import com.offerpulse.query.support.InMemoryShareSnapshots;
import com.offerpulse.query.support.QueryWebTestBase;
import com.offerpulse.query.support.Samples;
import com.offerpulse.query.views.QueryTopology;
import com.offerpulse.query.views.RoundEntry;
import com.offerpulse.query.views.UserRoundList;
import com.offerpulse.testsupport.auth.TestTokens;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import tools.jackson.databind.JsonNode;

/**
 * Share links over HTTP with the views, the share topic and the writer in memory: the documented user-safe schema,
 * token secrecy (never in a record or a log line), the one 404 for every kind of dead link, owner-only revoke.
 */
class ShareEndpointTest extends QueryWebTestBase {
    /** docs/GROWTH.md, "Share snapshots": the public view, exactly. */
    static final Set<String> PUBLIC_FIELDS = Set.of("offer_probability", "change_over_period", "period_days",
            "rounds_completed", "strengths", "focus_areas", "created_at", "expires_at");
    /** docs/EVENTS.md, {@code ShareView}: the user-safe content on the topic, exactly. */
    static final Set<String> VIEW_FIELDS = Set.of("offer_probability", "change_over_period", "period_days",
            "rounds_completed", "strengths", "focus_areas");
    static final Set<String> SNAPSHOT_FIELDS = Set.of("token_hash", "user_id", "view", "created_at", "expires_at",
            "revoked");

    private FakeShareWriter writer;
    private InMemoryShareSnapshots links;
    private ListAppender<ILoggingEvent> logs;

    private WebTestClient client;

    @BeforeEach
    void setUp() {
        client = web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        writer = (FakeShareWriter) shareWriter;
        links = (InMemoryShareSnapshots) shareSnapshots;
        logs = new ListAppender<>();
        logs.start();
        root().addAppender(logs);
    }

    @AfterEach
    void tearDown() {
        root().detachAppender(logs);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    /** Alice: four rounds over six weeks, from 0.40 (before the 30-day period) up to 0.57 now. */
    private void aliceHasRounds() {
        views.put(QueryTopology.OFFER_PROBABILITY_STORE, ALICE, Samples.view(ALICE, 0.57, 4));
        Instant now = Instant.now();
        views.put(QueryTopology.USER_ROUNDS_STORE, ALICE, new UserRoundList(ALICE, List.of(
                round("s_4", now.minus(Duration.ofDays(1)), 0.52, 0.57),
                round("s_3", now.minus(Duration.ofDays(10)), 0.45, 0.52),
                round("s_2", now.minus(Duration.ofDays(20)), 0.40, 0.45),
                round("s_1", now.minus(Duration.ofDays(40)), null, 0.40)), List.of()));
    }

    private static RoundEntry round(String sessionId, Instant endedAt, Double before, double after) {
        return new RoundEntry(sessionId, endedAt, EndReason.CLIENT, 60, before, after,
                new MeterValues(60, 60, 60, 60, 30), 6);
    }

    private WebTestClient.RequestHeadersSpec<?> create(String userId, String body) {
        WebTestClient.RequestBodySpec spec = client.post().uri("/api/share").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    if (userId != null) {
                        h.setBearerAuth(TestTokens.forUser(userId));
                    }
                });
        return body == null ? spec : spec.bodyValue(body);
    }

    private JsonNode created(String userId) {
        return JsonCodec.mapper().readTree(create(userId, null).exchange().expectStatus().isCreated()
                .expectBody().returnResult().getResponseBody());
    }

    private WebTestClient.ResponseSpec view(String token) {
        return client.get().uri("/api/share/" + token).exchange();
    }

    private WebTestClient.ResponseSpec revoke(String token, String userId) {
        return client.delete().uri("/api/share/" + token).headers(h -> h.setBearerAuth(TestTokens.forUser(userId)))
                .exchange();
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().iterator().forEachRemaining(names::add);
        return names;
    }

    /** The 404 body without its {@code instance} (the request path, which differs per token). */
    private static String notFoundBody(WebTestClient.ResponseSpec response) {
        byte[] body = expectProblem(response, 404).returnResult().getResponseBody();
        JsonNode json = JsonCodec.mapper().readTree(body);
        ((tools.jackson.databind.node.ObjectNode) json).remove("instance");
        return json.toString();
    }

    @Test
    void shouldCreateALinkWhoseTokenIsShownOnceAndStoredOnlyAsItsHash() {
        aliceHasRounds();
        Instant before = Instant.now();
        JsonNode answer = created(ALICE);

        assertThat(names(answer)).containsExactlyInAnyOrder("token", "url", "expires_at");
        String token = answer.get("token").asString();
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(java.util.Base64.getUrlDecoder().decode(token)).hasSize(32);
        assertThat(answer.get("url").asString()).matches("http://[^/]+/s/" + token);
        assertThat(Instant.parse(answer.get("expires_at").asString()))
                .isBetween(before.plus(Duration.ofDays(30)), Instant.now().plus(Duration.ofDays(30)));

        assertThat(writer.committed).singleElement().satisfies(group -> assertThat(group)
                .extracting(OutboundRecord::topic)
                .containsExactly(Topics.SHARE_SNAPSHOTS.name(), Topics.PRODUCT_EVENTS.name()));
        OutboundRecord snapshot = writer.on(Topics.SHARE_SNAPSHOTS.name()).get(0);
        assertThat(snapshot.key()).isEqualTo(ShareTokens.hash(token)).matches("[0-9a-f]{64}");
        ProductEvent event = JsonCodec.decode(writer.on(Topics.PRODUCT_EVENTS.name()).get(0).value(),
                ProductEvent.class);
        assertThat(event.name()).isEqualTo(ProductEventName.SHARE_CREATED);
        assertThat(event.userId()).isEqualTo(ALICE);
        assertThat(event.properties()).containsEntry("token_hash", snapshot.key());
        assertTokenNowhere(token);
    }

    @Test
    void shouldStoreOnlyTheDocumentedUserSafeFieldsOnTheTopic() {
        aliceHasRounds();
        created(ALICE);
        JsonNode snapshot = JsonCodec.mapper().readTree(writer.on(Topics.SHARE_SNAPSHOTS.name()).get(0).value());
        assertThat(names(snapshot)).containsExactlyInAnyOrderElementsOf(SNAPSHOT_FIELDS);
        assertThat(names(snapshot.get("view"))).containsExactlyInAnyOrderElementsOf(VIEW_FIELDS);

        String json = new String(writer.on(Topics.SHARE_SNAPSHOTS.name()).get(0).value(), StandardCharsets.UTF_8);
        // Nothing private leaks in: no session ids, no generated detail, no question.
        assertThat(json).doesNotContain("s_1", "s_2", "s_3", "s_4", "You back claims", "Results lack numbers",
                "Answers wander", "Quantify your results");
    }

    @Test
    void shouldSummariseTheChangeOverThePeriodInPlainWords() {
        aliceHasRounds();
        String token = created(ALICE).get("token").asString();
        JsonNode shown = JsonCodec.mapper().readTree(view(token).expectStatus().isOk().expectBody().returnResult()
                .getResponseBody());

        assertThat(names(shown)).containsExactlyInAnyOrderElementsOf(PUBLIC_FIELDS);
        assertThat(shown.get("offer_probability").asDouble()).isEqualTo(0.57);
        assertThat(shown.get("change_over_period").asDouble()).isEqualTo(0.17); // from 0.40 before the period
        assertThat(shown.get("period_days").asInt()).isEqualTo(30);
        assertThat(shown.get("rounds_completed").asInt()).isEqualTo(3);
        assertThat(shown.get("strengths").get(0).asString())
                .isEqualTo("Backs claims with specific, first-hand evidence");
        assertThat(shown.get("focus_areas").get(0).asString()).isEqualTo("Putting numbers on results");
        assertThat(shown.get("focus_areas").get(1).asString()).isEqualTo("Staying concise and on topic");
    }

    @Test
    void shouldHonourTheRequestedPeriod() {
        aliceHasRounds();
        String token = JsonCodec.mapper().readTree(create(ALICE, "{\"period_days\":15}").exchange()
                .expectStatus().isCreated().expectBody().returnResult().getResponseBody()).get("token").asString();
        view(token).expectStatus().isOk().expectBody()
                .jsonPath("$.period_days").isEqualTo(15)
                .jsonPath("$.rounds_completed").isEqualTo(2)
                .jsonPath("$.change_over_period").isEqualTo(0.12);
    }

    @Test
    void shouldRecordShareViewedWithTheHashButNeverTheToken() {
        aliceHasRounds();
        String token = created(ALICE).get("token").asString();
        writer.reset();
        view(token).expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store");

        OutboundRecord record = writer.all().get(0);
        assertThat(record.key()).isEqualTo(ALICE);
        ProductEvent viewed = JsonCodec.decode(record.value(), ProductEvent.class);
        assertThat(viewed.name()).isEqualTo(ProductEventName.SHARE_VIEWED);
        assertThat(viewed.properties()).containsEntry("token_hash", ShareTokens.hash(token));
        assertTokenNowhere(token);
    }

    @Test
    void shouldStillShowTheLinkWhenShareViewedCannotBeRecorded() {
        aliceHasRounds();
        String token = created(ALICE).get("token").asString();
        writer.brokerDown(true);
        view(token).expectStatus().isOk();
    }

    @Test
    void shouldAnswerTheSame404ForAGuessedAnExpiredAndARevokedLink() {
        aliceHasRounds();
        String revoked = created(ALICE).get("token").asString();
        revoke(revoked, ALICE).expectStatus().isNoContent();
        String expired = ShareTokens.generate();
        Instant longAgo = Instant.now().minus(Duration.ofDays(60));
        links.remember(new ShareSnapshot(ShareTokens.hash(expired), ALICE,
                new ShareView(0.5, 0.1, 30, 3, List.of(), List.of()), longAgo, longAgo.plus(Duration.ofDays(30)),
                false));

        String guessed = notFoundBody(view(ShareTokens.generate()));
        assertThat(notFoundBody(view(expired))).isEqualTo(guessed);
        assertThat(notFoundBody(revoke(expired, ALICE))).isEqualTo(notFoundBody(revoke(ShareTokens.generate(),
                ALICE)));
        assertThat(notFoundBody(view(revoked))).isEqualTo(guessed);
        assertThat(notFoundBody(view("not-a-token"))).isEqualTo(guessed);
        assertThat(guessed).doesNotContain("expired", "revoked");
    }

    @Test
    void shouldRevokeForTheOwnerOnlyAndClearTheContent() {
        aliceHasRounds();
        String token = created(ALICE).get("token").asString();
        writer.reset();

        String unknown = notFoundBody(revoke(ShareTokens.generate(), BOB));
        assertThat(notFoundBody(revoke(token, BOB))).isEqualTo(unknown);
        assertThat(writer.committed).isEmpty();
        view(token).expectStatus().isOk();

        revoke(token, ALICE).expectStatus().isNoContent();
        OutboundRecord revocation = writer.on(Topics.SHARE_SNAPSHOTS.name()).get(0);
        ShareSnapshot revoked = JsonCodec.decode(revocation.value(), ShareSnapshot.class);
        assertThat(revocation.key()).isEqualTo(ShareTokens.hash(token));
        assertThat(revoked.revoked()).isTrue();
        assertThat(revoked.view().offerProbability()).isNull();
        assertThat(revoked.view().strengths()).isEmpty();
        expectProblem(view(token), 404);

        revoke(token, ALICE).expectStatus().isNoContent();
        assertThat(writer.on(Topics.SHARE_SNAPSHOTS.name())).hasSize(1);
        assertTokenNowhere(token);
    }

    @Test
    void shouldAnswer422WhenThereIsNothingToShareYet() {
        expectProblem(create(ALICE, null).exchange(), 422).jsonPath("$.detail")
                .isEqualTo("Nothing to share yet: complete a round first.");
        assertThat(writer.committed).isEmpty();
    }

    @Test
    void shouldRefuseAPeriodOutsideOneToNinetyDays() {
        aliceHasRounds();
        for (String body : List.of("{\"period_days\":0}", "{\"period_days\":91}", "{\"period_days\":\"30\"}",
                "{\"period_days\":1.5}")) {
            expectProblem(create(ALICE, body).exchange(), 400).jsonPath("$.field").isEqualTo("period_days");
        }
        create(ALICE, "{\"period_days\":90}").exchange().expectStatus().isCreated();
        create(ALICE, "{}").exchange().expectStatus().isCreated();
        assertThat(writer.committed).hasSize(2);
    }

    @Test
    void shouldAnswer401WithoutATokenForCreateAndRevoke() {
        expectProblem(create(null, null).exchange(), 401);
        expectProblem(client.delete().uri("/api/share/" + ShareTokens.generate()).exchange(), 401);
        assertThat(writer.committed).isEmpty();
    }

    @Test
    void shouldAnswer503AndStoreNothingWhenTheViewsOrKafkaAreUnavailable() {
        aliceHasRounds();
        views.rebalancing(true);
        expectProblem(create(ALICE, null).exchange().expectHeader().exists(HttpHeaders.RETRY_AFTER), 503);
        views.rebalancing(false);
        writer.brokerDown(true);
        expectProblem(create(ALICE, null).exchange(), 503);
        assertThat(writer.committed).isEmpty();
    }

    @Test
    void shouldAnswer503NotAFalse404WhileTheShareTopicCannotBeRead() {
        links.unreadable(true);
        expectProblem(view(ShareTokens.generate()).expectHeader().exists(HttpHeaders.RETRY_AFTER), 503);
    }

    private void assertTokenNowhere(String token) {
        assertThat(writer.all()).allSatisfy(r -> {
            assertThat(r.key()).doesNotContain(token);
            assertThat(new String(r.value(), StandardCharsets.UTF_8)).doesNotContain(token);
        });
        assertThat(logs.list).isNotEmpty().allSatisfy(e -> {
            assertThat(e.getFormattedMessage()).doesNotContain(token);
            assertThat(String.valueOf(e.getKeyValuePairs())).doesNotContain(token);
        });
    }
}
