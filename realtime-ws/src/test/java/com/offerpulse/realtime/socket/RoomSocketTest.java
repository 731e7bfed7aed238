package com.offerpulse.realtime.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.offerpulse.contracts.analytics.SessionMeters;
import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.realtime.invite.InviteTokens;
import com.offerpulse.realtime.metrics.RealtimeMetrics;
import com.offerpulse.realtime.room.RoomFanout;
import com.offerpulse.realtime.room.RoomMessage;
import com.offerpulse.realtime.room.RoomStore;
import com.offerpulse.realtime.support.RealtimeWebTestBase;
import com.offerpulse.realtime.support.SocketClient;
import com.offerpulse.testsupport.auth.TestTokens;

import tools.jackson.databind.JsonNode;

class RoomSocketTest extends RealtimeWebTestBase {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Autowired
    RoomStore store;
    @Autowired
    RoomFanout fanout;
    @Autowired
    InviteTokens invites;
    @Autowired
    RealtimeMetrics metrics;

    private void meters(String sessionId, long asOf) {
        SessionMeters m = new SessionMeters(sessionId, 50, 60, 70, 40, 10, List.of("Add a figure."), asOf,
                Instant.now());
        store.append(sessionId, RoomMessage.METERS, JsonCodec.encodeToString(m), asOf,
                m.sourceTimestamp().toEpochMilli()).ifPresent(fanout::publish);
    }

    @Test
    void shouldRefuseTheHandshakeWithoutTokenForAnotherUsersRoundAndForAnUnknownRound() {
        String bobs = roundOf(BOB);
        handshake(bobs, null).expectStatus().isUnauthorized();
        handshake(bobs, TestTokens.signedWithAnotherKey(BOB)).expectStatus().isUnauthorized();
        handshake(bobs, TestTokens.forUser(ALICE)).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith("application/problem+json");
        handshake("s_nobody_knows", TestTokens.forUser(ALICE)).expectStatus().isNotFound();
        handshake(bobs + "&last_seq=x&epoch=e", TestTokens.forUser(BOB)).expectStatus().isNotFound();
    }

    private WebTestClient.ResponseSpec postInvite(String sessionId, String token) {
        return web.post().uri("/api/sessions/" + sessionId + "/invites")
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                }).exchange();
    }

    @Test
    void shouldLetTheOwnerMintAnInviteThatAnotherSignedInUserJoinsWithReadOnly() throws Exception {
        String room = roundOf(ALICE);
        meters(room, 1);
        JsonNode invite = JsonCodec.mapper().readTree(postInvite(room, TestTokens.forUser(ALICE))
                .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody());
        String token = invite.get("invite_token").asString();
        assertThat(java.time.Instant.parse(invite.get("expires_at").asString()))
                .isBetween(Instant.now().plus(Duration.ofMinutes(119)), Instant.now().plus(Duration.ofMinutes(121)));
        assertThat(invite.get("url").asString()).startsWith("/ws/rooms/" + room + "?invite=");

        try (SocketClient viewer = SocketClient.connect(port, room, TestTokens.forUser(BOB), "invite=" + token)) {
            JsonNode snapshot = viewer.next(WAIT);
            assertThat(snapshot.get("type").asString()).isEqualTo("snapshot");
            assertThat(snapshot.at("/data/meters/as_of_seq").asLong()).isEqualTo(1);
            meters(room, 2);
            assertThat(viewer.next(WAIT).at("/data/as_of_seq").asLong()).isEqualTo(2);
        }
        // An invite is not a bearer token, and it does not open another round.
        handshake(room, token).expectStatus().isUnauthorized();
        web.get().uri("/api/system/metrics").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isUnauthorized();
        handshake(roundOf(ALICE), TestTokens.forUser(BOB) + "&invite=" + token).expectStatus().isForbidden();
    }

    @Test
    void shouldRefuseAnExpiredInviteAndAnotherUserWithoutOne() {
        String room = roundOf(ALICE);
        String expired = invites.issue(room, ALICE, Instant.now().minus(Duration.ofHours(3))).token();
        long authFailed = metrics.disconnectCounts().get("auth_failed");
        handshake(room, TestTokens.forUser(BOB) + "&invite=" + expired).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith("application/problem+json");
        handshake(room, TestTokens.forUser(BOB)).expectStatus().isForbidden();
        handshake(room, TestTokens.forUser(BOB) + "&invite=not-a-jwt").expectStatus().isForbidden();
        // Counted once the refused exchange completes, which can be just after the client has the response.
        org.awaitility.Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(
                metrics.disconnectCounts().get("auth_failed")).isGreaterThanOrEqualTo(authFailed + 3));
    }

    @Test
    void shouldLetOnlyTheOwnerMintInvites() {
        String room = roundOf(ALICE);
        postInvite(room, null).expectStatus().isUnauthorized();
        postInvite(room, TestTokens.forUser(BOB)).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith("application/problem+json");
        postInvite("s_nobody_knows", TestTokens.forUser(ALICE)).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith("application/problem+json");
    }

    @Test
    void shouldRefuseWith429WhenTheUserHasTooManySockets() throws Exception {
        String room = roundOf("u_busy");
        String token = TestTokens.forUser("u_busy");
        try (SocketClient one = SocketClient.connect(port, room, token, null);
                SocketClient two = SocketClient.connect(port, room, token, null)) {
            one.next(WAIT);
            two.next(WAIT);
            handshake(room, token).expectStatus().isEqualTo(429)
                    .expectHeader().exists("Retry-After")
                    .expectBody().jsonPath("$.status").isEqualTo(429);
        }
    }

    @Test
    void shouldSendTheSnapshotOnJoinThenLiveMetersInOrder() throws Exception {
        String room = roundOf(ALICE);
        meters(room, 1);
        try (SocketClient client = SocketClient.connect(port, room, TestTokens.forUser(ALICE), null)) {
            JsonNode snapshot = client.next(WAIT);
            assertThat(snapshot.get("type").asString()).isEqualTo("snapshot");
            assertThat(snapshot.get("seq").asLong()).isEqualTo(1);
            assertThat(snapshot.get("session_id").asString()).isEqualTo(room);
            assertThat(snapshot.get("epoch").asString()).isNotBlank();
            assertThat(snapshot.at("/data/meters/credibility").asInt()).isEqualTo(50);
            assertThat(snapshot.at("/data/sentences").isArray()).isTrue();
            assertThat(snapshot.has("recovered")).isFalse();

            meters(room, 2);
            meters(room, 3);
            JsonNode second = client.next(WAIT);
            JsonNode third = client.next(WAIT);
            assertThat(List.of(second.get("seq").asLong(), third.get("seq").asLong())).containsExactly(2L, 3L);
            assertThat(second.get("type").asString()).isEqualTo("meters");
            assertThat(second.get("epoch").asString()).isEqualTo(snapshot.get("epoch").asString());
            assertThat(second.at("/data/as_of_seq").asLong()).isEqualTo(2);
        }
    }

    @Test
    void shouldRecoverExactlyTheMissedMessagesOrSendAFreshSnapshot() throws Exception {
        String room = roundOf(ALICE);
        meters(room, 1);
        meters(room, 2);
        String epoch;
        try (SocketClient client = SocketClient.connect(port, room, TestTokens.forUser(ALICE), null)) {
            epoch = client.next(WAIT).get("epoch").asString();
        }
        meters(room, 3);
        meters(room, 4);
        try (SocketClient client = SocketClient.connect(port, room, TestTokens.forUser(ALICE),
                "last_seq=2&epoch=" + epoch)) {
            assertThat(List.of(client.next(WAIT).get("seq").asLong(), client.next(WAIT).get("seq").asLong()))
                    .containsExactly(3L, 4L);
            assertThat(client.received).extracting(n -> n.get("type").asString()).containsOnly("meters");
        }
        try (SocketClient client = SocketClient.connect(port, room, TestTokens.forUser(ALICE),
                "last_seq=2&epoch=some-other-epoch")) {
            JsonNode snapshot = client.next(WAIT);
            assertThat(snapshot.get("type").asString()).isEqualTo("snapshot");
            assertThat(snapshot.get("recovered").asBoolean(true)).isFalse();
            assertThat(snapshot.get("seq").asLong()).isEqualTo(4);
        }
    }

    @Test
    void shouldCloseASocketThatSendsNothingNotEvenAPongForTheIdleTimeout() throws Exception {
        String room = roundOf("u_idle");
        long idle = metrics.disconnectCounts().get("idle_timeout");
        // This client stops reading after the snapshot, so it never answers the server's pings.
        try (SocketClient silent = SocketClient.connectWithoutReading(port, room, TestTokens.forUser("u_idle"), null)) {
            org.awaitility.Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(
                    metrics.disconnectCounts().get("idle_timeout")).isEqualTo(idle + 1));
        }
    }

    @Test
    void shouldCloseWith1009WhenTheClientSendsTooMuch() throws Exception {
        String room = roundOf(ALICE);
        try (SocketClient client = SocketClient.connect(port, room, TestTokens.forUser(ALICE), null)) {
            client.next(WAIT);
            client.sendText("x".repeat(5000));
            assertThat(client.closed.get(5, java.util.concurrent.TimeUnit.SECONDS)).startsWith("1009");
        }
    }

    @Test
    void shouldServeSystemMetricsToSignedInCallersOnly() throws Exception {
        web.get().uri("/api/system/metrics").exchange().expectStatus().isUnauthorized();
        String room = roundOf(ALICE);
        try (SocketClient client = SocketClient.connect(port, room, TestTokens.forUser(ALICE), null)) {
            client.next(WAIT);
            meters(room, 7);
            client.next(WAIT);
            web.get().uri("/api/system/metrics").headers(h -> h.setBearerAuth(TestTokens.forUser(ALICE)))
                    .exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.room_count").value(v -> assertThat(((Number) v).intValue()).isGreaterThanOrEqualTo(1))
                    .jsonPath("$.connection_count").value(v -> assertThat(((Number) v).intValue()).isGreaterThanOrEqualTo(1))
                    .jsonPath("$.disconnects.slow_consumer").isEqualTo(0)
                    .jsonPath("$.disconnects.auth_failed").exists()
                    .jsonPath("$.redis_publish_ms.p99").exists()
                    .jsonPath("$.fanout_delay_ms.count").value(v -> assertThat(((Number) v).longValue()).isPositive())
                    .jsonPath("$.fanout_mode").isEqualTo("in_process")
                    .jsonPath("$.feed_lag.records").isEqualTo(0)
                    .jsonPath("$.feed_lag.age_ms").isEqualTo(0);
            String prometheus = web.get().uri("/actuator/prometheus")
                    .headers(h -> h.setBearerAuth(TestTokens.forUser(ALICE))).exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(prometheus).contains("offerpulse_realtime_feed_lag_records ")
                    .contains("offerpulse_realtime_feed_lag_age_milliseconds ");
        }
    }
}
