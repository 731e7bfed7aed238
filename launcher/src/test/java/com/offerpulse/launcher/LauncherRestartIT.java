package com.offerpulse.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.contracts.session.SessionEnded;
import com.offerpulse.contracts.session.SessionLifecycleEvent;
import com.offerpulse.contracts.session.SessionStarted;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.contracts.transcript.TranscriptSegment;
import com.offerpulse.testsupport.kafka.TopicReader;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The embedded default end to end: a real in-process broker under a data directory, every route of the ingest
 * API through the launcher's one port, then a stop and a start on the same directory.
 */
class LauncherRestartIT {
    private static final Duration READ = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;

    private RunningPlatform start() {
        return OfferPulseLauncher.start("--offerpulse.data.dir=" + dataDir, "--offerpulse.kafka.embedded-port=0",
                "--server.port=0", "--logging.structured.format.console=");
    }

    private static WebTestClient client(RunningPlatform platform) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + platform.httpPort())
                .responseTimeout(Duration.ofSeconds(20)).build();
    }

    private static JsonNode json(byte[] body) {
        return JsonCodec.mapper().readTree(body);
    }

    @Test
    void shouldServeTheWholeIngestFlowAndKeepEveryRecordAcrossARestart() throws Exception {
        String token;
        String sessionId;
        try (RunningPlatform platform = start()) {
            WebTestClient web = client(platform);
            web.get().uri("/actuator/health").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP");

            token = json(web.post().uri("/api/auth/guest").exchange().expectStatus().isCreated()
                    .expectBody().returnResult().getResponseBody()).get("token").asString();
            String bearer = "Bearer " + token;

            sessionId = json(web.post().uri("/api/sessions").header("Authorization", bearer)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"question\":\"Tell me about a launch that slipped.\",\"target_role\":\"pm\"}")
                    .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody())
                    .get("session_id").asString();

            web.post().uri("/api/sessions/" + sessionId + "/transcript").header("Authorization", bearer)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"segments\":[" + segment(1, "The launch slipped two weeks.") + ","
                            + segment(2, "I re-planned the scope with design.") + "]}")
                    .exchange().expectStatus().isAccepted().expectBody().jsonPath("$.accepted").isEqualTo(2);

            List<String> replies = new CopyOnWriteArrayList<>();
            URI socket = URI.create("ws://127.0.0.1:" + platform.httpPort() + "/ws/ingest/" + sessionId
                    + "?access_token=" + token);
            new ReactorNettyWebSocketClient().execute(socket, ws -> ws
                    .send(Mono.just(ws.textMessage("{\"segments\":[" + segment(3, "We shipped on the new date.") + "]}")))
                    .thenMany(ws.receive().map(WebSocketMessage::getPayloadAsText).take(1))
                    .doOnNext(replies::add).then()).block(Duration.ofSeconds(10));
            assertThat(replies).hasSize(1);
            assertThat(json(replies.get(0).getBytes()).get("type").asString()).isEqualTo("ack");

            // Viewer invites are signed with the invite secret; one is no bearer token (ES256 only on the launcher).
            String invite = json(web.post().uri("/api/sessions/" + sessionId + "/invites").header("Authorization", bearer)
                    .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody())
                    .get("invite_token").asString();
            web.get().uri("/api/user/sessions").header("Authorization", "Bearer " + invite).exchange()
                    .expectStatus().isUnauthorized();
            web.get().uri("/oauth2/jwks").exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.keys[0].kty").isEqualTo("EC").jsonPath("$.keys[0].d").doesNotExist();

            web.post().uri("/api/sessions/" + sessionId + "/end").header("Authorization", bearer)
                    .exchange().expectStatus().isAccepted();

            assertTopicsHoldTheRound(platform.kafkaBootstrap(), sessionId);
        }

        assertThat(Files.getPosixFilePermissions(dataDir.resolve("signing-key.jwk")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("invite-secret")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(dataDir)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.isDirectory(dataDir.resolve("kafka"))).isTrue();

        try (RunningPlatform again = start()) {
            assertTopicsHoldTheRound(again.kafkaBootstrap(), sessionId);
            WebTestClient web = client(again);
            // The signing key survived: the old token still works. The directory was rebuilt from the topic: the round is
            // known to be over.
            web.post().uri("/api/sessions/" + sessionId + "/end").header("Authorization", "Bearer " + token)
                    .exchange().expectStatus().isEqualTo(409);
            web.post().uri("/api/sessions").header("Authorization", "Bearer " + token)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"question\":\"Next one\"}")
                    .exchange().expectStatus().isCreated();
        }
    }

    private static void assertTopicsHoldTheRound(String bootstrap, String sessionId) {
        List<ConsumerRecord<String, byte[]>> segments = TopicReader.readAll(bootstrap,
                Topics.TRANSCRIPT_SEGMENTS.name(), READ, true);
        assertThat(segments).extracting(ConsumerRecord::key).containsOnly(sessionId);
        assertThat(segments.stream().map(r -> JsonCodec.decode(r.value(), TranscriptSegment.class).seq())
                .collect(Collectors.toSet())).isEqualTo(Set.of(1L, 2L, 3L));

        List<SessionLifecycleEvent> lifecycle = TopicReader.readAll(bootstrap, Topics.SESSION_LIFECYCLE.name(), READ,
                true).stream().filter(r -> r.key().equals(sessionId))
                .map(r -> JsonCodec.decode(r.value(), SessionLifecycleEvent.class)).toList();
        assertThat(lifecycle).hasSize(2);
        assertThat(lifecycle.get(0)).isInstanceOf(SessionStarted.class);
        assertThat(lifecycle.get(1)).isInstanceOf(SessionEnded.class);

        assertThat(TopicReader.readAll(bootstrap, Topics.PRODUCT_EVENTS.name(), READ, true))
                .anySatisfy(r -> assertThat(new String(r.value())).contains("\"session_started\"", sessionId));
    }

    static String segment(long seq, String text) {
        return "{\"seq\":" + seq + ",\"speaker\":\"candidate\",\"text\":\"" + text + "\",\"start_ms\":" + seq * 3000
                + ",\"end_ms\":" + (seq * 3000 + 2500) + ",\"final\":true}";
    }
}
