package com.offerpulse.ingest.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.ingest.support.IngestWebTestBase;
import com.offerpulse.testsupport.auth.TestTokens;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class TranscriptSocketTest extends IngestWebTestBase {

    @LocalServerPort
    int port;

    record Reply(String type, String ref, Integer accepted, @JsonProperty("last_seq") Long lastSeq, Integer status,
            String field) {
    }

    private List<Reply> exchange(String sessionId, String token, List<String> messages) {
        List<Reply> replies = new CopyOnWriteArrayList<>();
        URI uri = URI.create("ws://127.0.0.1:" + port + "/ws/ingest/" + sessionId + "?access_token=" + token);
        new ReactorNettyWebSocketClient().execute(uri, socket -> socket
                .send(Flux.fromIterable(messages).map(socket::textMessage))
                .thenMany(socket.receive().map(WebSocketMessage::getPayloadAsText).take(messages.size()))
                .doOnNext(text -> replies.add(JsonCodec.decode(text, Reply.class)))
                .then())
                .block(Duration.ofSeconds(10));
        return replies;
    }

    @Test
    void shouldAckEachBatchInOrderAndWriteIt() {
        String id = openRound(ALICE);
        List<Reply> replies = exchange(id, TestTokens.forUser(ALICE), List.of(
                "{\"ref\":\"a\",\"segments\":[" + TranscriptControllerTest.segment(1, "First.") + "]}",
                "{\"ref\":\"b\",\"segments\":[" + TranscriptControllerTest.segment(2, "Second.") + ","
                        + TranscriptControllerTest.segment(3, "Third.") + "]}"));

        assertThat(replies).extracting(Reply::type).containsExactly("ack", "ack");
        assertThat(replies).extracting(Reply::ref).containsExactly("a", "b");
        assertThat(replies).extracting(Reply::accepted).containsExactly(1, 2);
        assertThat(replies).extracting(Reply::lastSeq).containsExactly(1L, 3L);
        assertThat(writer.committed).hasSize(2);
        assertThat(writer.all()).extracting(r -> r.key()).containsOnly(id);
    }

    @Test
    void shouldAnswerABadMessageWithAnErrorAndKeepTheSocketOpen() {
        String id = openRound(ALICE);
        List<Reply> replies = exchange(id, TestTokens.forUser(ALICE), List.of(
                "{\"segments\":[" + TranscriptControllerTest.segment(1, "x".repeat(2001)) + "]}",
                "not json",
                "{\"segments\":[" + TranscriptControllerTest.segment(2, "Fine.") + "]}"));

        assertThat(replies).extracting(Reply::type).containsExactly("error", "error", "ack");
        assertThat(replies.get(0).status()).isEqualTo(400);
        assertThat(replies.get(0).field()).isEqualTo("segments[0].text");
        assertThat(writer.all()).hasSize(1);
    }

    @Test
    void shouldAnswer503ErrorsWhileKafkaIsDown() {
        String id = openRound(ALICE);
        writer.brokerDown(true);
        List<Reply> replies = exchange(id, TestTokens.forUser(ALICE),
                List.of("{\"segments\":[" + TranscriptControllerTest.segment(1, "a") + "]}"));
        assertThat(replies).extracting(Reply::status).containsExactly(503);
    }

    @Test
    void shouldRefuseTheHandshakeForSomeoneElsesRoundOrWithoutAToken() {
        String bobs = openRound(BOB);
        web.get().uri("/ws/ingest/" + bobs + "?access_token=" + TestTokens.forUser(ALICE))
                .header("Upgrade", "websocket").header("Connection", "Upgrade")
                .header("Sec-WebSocket-Version", "13").header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                .exchange().expectStatus().isForbidden();
        web.get().uri("/ws/ingest/" + bobs)
                .header("Upgrade", "websocket").header("Connection", "Upgrade")
                .exchange().expectStatus().isUnauthorized();
        web.get().uri("/ws/ingest/s_missing?access_token=" + TestTokens.forUser(ALICE))
                .header("Upgrade", "websocket").header("Connection", "Upgrade")
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void shouldNotAcceptTheQueryTokenOutsideWebSockets() {
        web.post().uri("/api/sessions?access_token=" + TestTokens.forUser(ALICE))
                .bodyValue("{\"question\":\"q\"}").header("Content-Type", "application/json")
                .exchange().expectStatus().isUnauthorized();
        Mono.empty().block();
    }
}
