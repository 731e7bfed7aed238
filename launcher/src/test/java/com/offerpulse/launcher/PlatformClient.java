package com.offerpulse.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.offerpulse.contracts.auth.Role;
import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.launcher.admin.RoleToken;
import com.offerpulse.testsupport.kafka.TopicReader;

import tools.jackson.databind.JsonNode;

/**
 * What the launcher's integration tests do to a running platform: sign in, play a round through the ingest API,
 * wait for a view or a topic to show something. Shared so each {@code *IT} does not carry its own copy.
 */
final class PlatformClient {
    private static final Duration VIEW_PATIENCE = Duration.ofSeconds(30);
    private static final Duration TOPIC_PATIENCE = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 50;

    private final WebTestClient web;
    private final String bootstrap;
    private final RunningPlatform platform;

    /**
     * A fresh embedded platform for one test class: its own temp data dir, a free broker and HTTP port, plain-text
     * console logs.
     */
    static RunningPlatform startFresh(String name) throws Exception {
        Path dataDir = Files.createTempDirectory("offerpulse-" + name);
        return OfferPulseLauncher.start("--offerpulse.data.dir=" + dataDir, "--offerpulse.kafka.embedded-port=0",
                "--server.port=0", "--logging.structured.format.console=");
    }

    PlatformClient(RunningPlatform platform) {
        this.web = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + platform.httpPort())
                .responseTimeout(Duration.ofSeconds(20)).build();
        this.bootstrap = platform.kafkaBootstrap();
        this.platform = platform;
    }

    record Login(String token, String userId) {
        String bearer() {
            return "Bearer " + token;
        }
    }

    WebTestClient web() {
        return web;
    }

    /** A guest sign-in, as "Start a 3-minute mock round" does; the name is only a label in the test. */
    Login login(String username) {
        JsonNode body = JsonCodec.mapper().readTree(web.post().uri("/api/auth/guest")
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody());
        return new Login(body.get("token").asString(), body.get("user_id").asString());
    }

    /** A token with a role, as the operator command issues it (signed with the data directory's key). */
    Login withRole(Role role, String userId) {
        Path keyFile = Path.of(platform.context().getEnvironment().getRequiredProperty("offerpulse.jwt.signing-key-file"));
        String token = RoleToken.issue(keyFile.getParent(), role, userId, Duration.ofHours(1), Clock.systemUTC()).token();
        return new Login(token, userId);
    }

    /** A product event as the browser posts it: anonymous id always, the token once signed in (else null). */
    void event(String name, String anonymousId, String token) {
        web.post().uri("/api/events").headers(h -> {
            if (token != null) {
                h.setBearerAuth(token);
            }
        }).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"" + name + "\",\"anonymous_id\":\"" + anonymousId + "\"}")
                .exchange().expectStatus().isAccepted();
    }

    /** Starts a round, posts one final candidate segment per text, ends it; returns the session id. */
    String playRound(Login user, String... texts) {
        String sessionId = JsonCodec.mapper().readTree(web.post().uri("/api/sessions")
                .header("Authorization", user.bearer()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"question\":\"Tell me about a time you improved reliability.\"}")
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody())
                .get("session_id").asString();
        StringBuilder segments = new StringBuilder();
        for (int i = 0; i < texts.length; i++) {
            segments.append(i == 0 ? "" : ",").append(seg(i + 1, texts[i]));
        }
        web.post().uri("/api/sessions/" + sessionId + "/transcript").header("Authorization", user.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"segments\":[" + segments + "]}")
                .exchange().expectStatus().isAccepted();
        web.post().uri("/api/sessions/" + sessionId + "/end").header("Authorization", user.bearer())
                .exchange().expectStatus().isAccepted();
        return sessionId;
    }

    /** GETs {@code path} until it answers 200 with JSON that satisfies {@code done}. */
    JsonNode awaitJson(String path, String bearer, Predicate<JsonNode> done) throws InterruptedException {
        String last = "";
        for (long deadline = System.nanoTime() + VIEW_PATIENCE.toNanos(); System.nanoTime() < deadline;) {
            EntityExchangeResult<byte[]> r = web.get().uri(path).header("Authorization", bearer).exchange()
                    .expectBody().returnResult();
            last = r.getStatus().value() + " " + (r.getResponseBody() == null ? "" : new String(r.getResponseBody()));
            if (r.getStatus().value() == 200) {
                JsonNode json = JsonCodec.mapper().readTree(r.getResponseBody());
                if (done.test(json)) {
                    return json;
                }
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new AssertionError("no satisfying answer from " + path + "; last: " + last);
    }

    void awaitStatus(String path, String bearer, int status) throws InterruptedException {
        int last = 0;
        for (long deadline = System.nanoTime() + VIEW_PATIENCE.toNanos(); System.nanoTime() < deadline;) {
            last = web.get().uri(path).header("Authorization", bearer).exchange().expectBody().returnResult()
                    .getStatus().value();
            if (last == status) {
                return;
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new AssertionError(path + " answered " + last + ", expected " + status);
    }

    /** The values under {@code key} on {@code topic} (read_committed), once they satisfy {@code done}. */
    <V> List<V> awaitRecords(String topic, String key, Class<V> type, Predicate<List<V>> done)
            throws InterruptedException {
        List<V> values = List.of();
        for (long deadline = System.nanoTime() + TOPIC_PATIENCE.toNanos(); System.nanoTime() < deadline;) {
            List<ConsumerRecord<String, byte[]>> records = TopicReader.readAll(bootstrap, topic, Duration.ofSeconds(5),
                    true);
            values = records.stream().filter(r -> key.equals(r.key()))
                    .map(r -> JsonCodec.decode(r.value(), type)).toList();
            if (done.test(values)) {
                return values;
            }
            Thread.sleep(200);
        }
        return values;
    }

    /** One final candidate segment as the browser sends it. */
    static String seg(long seq, String text) {
        return "{\"seq\":" + seq + ",\"speaker\":\"candidate\",\"text\":\"" + text + "\",\"start_ms\":" + seq * 3000
                + ",\"end_ms\":" + (seq * 3000 + 2500) + ",\"final\":true}";
    }
}
