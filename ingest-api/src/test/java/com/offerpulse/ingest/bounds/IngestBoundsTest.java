package com.offerpulse.ingest.bounds;

import static com.offerpulse.testsupport.web.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.platform.sessions.SessionRecord;
import com.offerpulse.platform.sessions.SessionStatus;
import com.offerpulse.testsupport.auth.TestTokens;

import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Issue 12, the command side: every bound one user's input meets, each answered with a problem (or a documented
 * close code) and nothing half-written. The bounds are lowered here so each is reached in a few requests; their
 * defaults are in IngestSettings. Each test uses its own user, since limits outlive a test in the shared context.
 */
class IngestBoundsTest extends BoundedIngestTestBase {

    @LocalServerPort
    int port;

    static String segment(long seq, String text) {
        return "{\"seq\":" + seq + ",\"speaker\":\"candidate\",\"text\":\"" + text + "\",\"start_ms\":" + seq * 1000
                + ",\"end_ms\":" + (seq * 1000 + 900) + ",\"final\":true}";
    }

    static String batch(long from, int n, String text) {
        StringBuilder sb = new StringBuilder("{\"segments\":[");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append(segment(from + i, text));
        }
        return sb.append("]}").toString();
    }

    // ---- per round -------------------------------------------------------------------------------------------

    @Test
    void shouldRefuseWholeABatchThatWouldTakeTheRoundPastItsSegments() {
        String user = "u_bounds_segments";
        String id = openRound(user);
        post("/api/sessions/" + id + "/transcript", user).bodyValue(batch(1, 3, "ok")).exchange()
                .expectStatus().isAccepted();
        expectProblem(post("/api/sessions/" + id + "/transcript", user).bodyValue(batch(4, 2, "ok")).exchange(), 422)
                .jsonPath("$.field").isEqualTo("segments")
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("at most 4 segments"));
        assertThat(writer.on(Topics.TRANSCRIPT_SEGMENTS.name())).hasSize(3);
        post("/api/sessions/" + id + "/transcript", user).bodyValue(batch(4, 1, "ok")).exchange()
                .expectStatus().isAccepted();
    }

    @Test
    void shouldRefuseWholeABatchThatWouldTakeTheRoundPastItsCharacters() {
        String user = "u_bounds_chars";
        String id = openRound(user);
        post("/api/sessions/" + id + "/transcript", user).bodyValue(batch(1, 1, "x".repeat(60))).exchange()
                .expectStatus().isAccepted();
        expectProblem(post("/api/sessions/" + id + "/transcript", user)
                .bodyValue(batch(2, 2, "y".repeat(25))).exchange(), 422)
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("at most 100 characters"));
        assertThat(writer.on(Topics.TRANSCRIPT_SEGMENTS.name())).hasSize(1);
    }

    @Test
    void shouldRefuseTranscriptFasterThanTheUsersCharacterRateAcrossRounds() {
        String user = "u_bounds_rate";
        String first = openRound(user);
        String second = openRound(user);
        post("/api/sessions/" + first + "/transcript", user).bodyValue(batch(1, 1, "x".repeat(90))).exchange()
                .expectStatus().isAccepted();
        // 90 of the 150 characters a user may send at once are spent; 70 more must wait, whichever round they are for.
        expectProblem(post("/api/sessions/" + second + "/transcript", user)
                .bodyValue(batch(1, 1, "y".repeat(70))).exchange(), 429)
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("faster than anyone speaks"));
        assertThat(writer.on(Topics.TRANSCRIPT_SEGMENTS.name()))
                .noneMatch(r -> second.equals(r.key()));
        // The refused batch did not count against its round: a batch the allowance covers is taken.
        post("/api/sessions/" + second + "/transcript", user).bodyValue(batch(1, 1, "z".repeat(50))).exchange()
                .expectStatus().isAccepted();
    }

    @Test
    void shouldNotCountABatchKafkaRefused() {
        String user = "u_bounds_refused";
        String id = openRound(user);
        writer.brokerDown(true);
        expectProblem(post("/api/sessions/" + id + "/transcript", user).bodyValue(batch(1, 4, "ok")).exchange(), 503);
        writer.brokerDown(false);
        post("/api/sessions/" + id + "/transcript", user).bodyValue(batch(1, 4, "ok")).exchange()
                .expectStatus().isAccepted();
    }

    // ---- per user: open rounds and starts --------------------------------------------------------------------

    private WebTestClientStart start(String user) {
        return new WebTestClientStart(post("/api/sessions", user).bodyValue("{\"question\":\"Why us?\"}").exchange());
    }

    private record WebTestClientStart(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec spec) {
        String created() {
            byte[] body = spec.expectStatus().isCreated().expectBody().returnResult().getResponseBody();
            return JsonCodec.mapper().readTree(body).get("session_id").asString();
        }
    }

    @Test
    void shouldRefuseARoundBeyondTheOpenRoundsUntilOneEnds() {
        String user = "u_bounds_open";
        String first = start(user).created();
        start(user).created();
        expectProblem(start(user).spec().expectHeader().exists(HttpHeaders.RETRY_AFTER), 429)
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("End one first"))
                .jsonPath("$.retry_after_seconds").isNumber();
        assertThat(writer.on(Topics.SESSION_LIFECYCLE.name())).hasSize(2);
        post("/api/sessions/" + first + "/end", user).exchange().expectStatus().isAccepted();
        start(user).created();
    }

    @Test
    void shouldRefuseRoundStartsBeyondTheRatePerMinute() {
        String user = "u_bounds_rate";
        for (int i = 0; i < 3; i++) {
            String id = start(user).created();
            post("/api/sessions/" + id + "/end", user).exchange().expectStatus().isAccepted();
        }
        expectProblem(start(user).spec().expectHeader().exists(HttpHeaders.RETRY_AFTER), 429)
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("at most 3 rounds a minute"));
    }

    // ---- sockets ---------------------------------------------------------------------------------------------

    /** A socket that sends what it is given, records answers and the close status. */
    final class Client {
        final Sinks.Many<String> out = Sinks.many().unicast().onBackpressureBuffer();
        final List<String> replies = new CopyOnWriteArrayList<>();
        final AtomicReference<CloseStatus> closed = new AtomicReference<>();
        final Disposable running;

        Client(String sessionId, String user) {
            URI uri = URI.create("ws://127.0.0.1:" + port + "/ws/ingest/" + sessionId + "?access_token="
                    + TestTokens.forUser(user));
            running = new ReactorNettyWebSocketClient().execute(uri, socket -> {
                socket.closeStatus().subscribe(closed::set);
                socket.send(out.asFlux().map(socket::textMessage)).subscribe(null, e -> { });
                return socket.receive().map(WebSocketMessage::getPayloadAsText).doOnNext(replies::add).then();
            }).subscribe(null, e -> { }); // a refused or cut connection shows as no replies / no close status
        }

        void send(String text) {
            out.tryEmitNext(text);
        }

        String reply(int index) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> replies.size() > index);
            return replies.get(index);
        }

        CloseStatus awaitClose() {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> closed.get() != null);
            return closed.get();
        }
    }

    private static tools.jackson.databind.JsonNode json(String text) {
        return JsonCodec.mapper().readTree(text);
    }

    @Test
    void shouldAnswerAndCloseWith4409WhenTheRoundEndsUnderAnOpenSocket() {
        String user = "u_bounds_ws_end";
        String id = openRound(user);
        Client client = new Client(id, user);
        client.send("{\"ref\":\"a\",\"segments\":[" + segment(1, "First.") + "]}");
        assertThat(json(client.reply(0)).path("type").asString()).isEqualTo("ack");

        // Ended through any instance: the directory says so.
        directory.remember(new SessionRecord(id, user, SessionStatus.ENDED));
        client.send("{\"ref\":\"b\",\"segments\":[" + segment(2, "Second.") + "]}");
        var answer = json(client.reply(1));
        assertThat(answer.path("type").asString()).isEqualTo("error");
        assertThat(answer.path("status").asInt()).isEqualTo(409);
        assertThat(answer.path("ref").asString()).isEqualTo("b");
        assertThat(client.awaitClose().getCode()).isEqualTo(4409);
        assertThat(writer.on(Topics.TRANSCRIPT_SEGMENTS.name())).hasSize(1);
    }

    @Test
    void shouldAnswerAndCloseWith4404WhenTheRoundIsDeletedUnderAnOpenSocket() {
        String user = "u_bounds_ws_delete";
        String id = openRound(user);
        Client client = new Client(id, user);
        client.send("{\"segments\":[" + segment(1, "First.") + "]}");
        assertThat(json(client.reply(0)).path("type").asString()).isEqualTo("ack");

        web.delete().uri("/api/sessions/" + id).headers(h -> h.setBearerAuth(TestTokens.forUser(user))).exchange()
                .expectStatus().isAccepted();
        client.send("{\"segments\":[" + segment(2, "Second.") + "]}");
        assertThat(json(client.reply(1)).path("status").asInt()).isEqualTo(404);
        assertThat(client.awaitClose().getCode()).isEqualTo(4404);
        assertThat(writer.on(Topics.TRANSCRIPT_SEGMENTS.name())).hasSize(1);
    }

    @Test
    void shouldCloseAnIdleSocketWith4408() {
        String user = "u_bounds_ws_idle";
        Client client = new Client(openRound(user), user);
        assertThat(client.awaitClose().getCode()).isEqualTo(4408);
    }

    @Test
    void shouldRefuseTheHandshakeBeyondTheSocketsPerUserAndAdmitAgainOnceOneCloses() {
        String user = "u_bounds_ws_many";
        String id = openRound(user);
        Client a = new Client(id, user);
        Client b = new Client(id, user);
        a.send("{\"segments\":[" + segment(1, "a") + "]}");
        b.send("{\"segments\":[" + segment(2, "b") + "]}");
        a.reply(0);
        b.reply(0);
        expectProblem(web.get().uri("/ws/ingest/" + id + "?access_token=" + TestTokens.forUser(user))
                .header("Upgrade", "websocket").header("Connection", "Upgrade")
                .header("Sec-WebSocket-Version", "13").header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                .exchange().expectHeader().exists(HttpHeaders.RETRY_AFTER), 429);
        // Another user is not affected.
        String other = "u_bounds_ws_other";
        Client c = new Client(openRound(other), other);
        c.send("{\"segments\":[" + segment(1, "c") + "]}");
        assertThat(json(c.reply(0)).path("type").asString()).isEqualTo("ack");

        a.running.dispose();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Client again = new Client(id, user);
            again.send("{\"segments\":[" + segment(3, "again") + "]}");
            assertThat(json(again.reply(0)).path("type").asString()).isEqualTo("ack");
        });
    }

    // ---- product events --------------------------------------------------------------------------------------

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec landingView(String anonymousId) {
        return post("/api/events", null)
                .bodyValue("{\"name\":\"landing_view\",\"anonymous_id\":\"" + anonymousId + "\"}").exchange();
    }

    @Test
    void shouldBoundDistinctAnonymousIdsPerAddressAndEventsPerAnonymousId() {
        landingView("anon-a").expectStatus().isAccepted();
        landingView("anon-b").expectStatus().isAccepted();
        expectProblem(landingView("anon-made-up-1").expectHeader().exists(HttpHeaders.RETRY_AFTER), 429)
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("different anonymous ids"));
        expectProblem(landingView("anon-made-up-2"), 429);
        // Visitors already counted keep working, up to their own rate.
        landingView("anon-a").expectStatus().isAccepted();
        expectProblem(landingView("anon-a"), 429)
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("for this anonymous id"));
        assertThat(writer.on(Topics.PRODUCT_EVENTS.name())).hasSize(3);
    }

    // ---- sign-ins --------------------------------------------------------------------------------------------

    @Test
    void shouldIgnoreCallerSuppliedRolesAndRateLimitSignInsPerAddress() {
        // Issue 13: dev-login takes no roles (a roles member is ignored); guest and dev-login share one allowance.
        web.post().uri("/api/auth/dev-login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"ada\",\"roles\":[\"analyst\",null]}").exchange()
                .expectStatus().isOk();
        for (int i = 0; i < 2; i++) {
            web.post().uri("/api/auth/guest").exchange().expectStatus().isCreated();
        }
        expectProblem(web.post().uri("/api/auth/guest").exchange()
                .expectHeader().exists(HttpHeaders.RETRY_AFTER), 429)
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("sign-ins"));
        expectProblem(web.post().uri("/api/auth/dev-login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"mallory\"}").exchange(), 429);
        Mono.empty().block();
    }
}
