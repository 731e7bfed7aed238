package com.offerpulse.ingest.fuzz;

import static com.offerpulse.testsupport.web.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.ingest.support.IngestWebTestBase;
import com.offerpulse.testsupport.auth.TestTokens;

import reactor.core.publisher.Flux;

/**
 * One regression test per defect the fuzz test (IngestFuzzIT, seed 20261126) found, each reproduced with a single
 * request so it fails fast and tells which fix regressed:
 * <ul>
 * <li>a chunked body over 1 MiB: the connection was reset mid-upload instead of answering 413
 * (RequestSizeLimitFilter now drains it, as it already did for declared lengths);</li>
 * <li>URLs the security firewall refuses ({@code %2f}, {@code ;}): an empty 400 instead of problem+json
 * (a ServerExchangeRejectedHandler in PlatformSecurityConfiguration);</li>
 * <li>{@code "speaker": 1} read as the interviewer, {@code "text": 5} as "5", {@code "\ud800"} accepted and
 * written: JsonCodec now refuses numbers for enums and strings, and text that is not Unicode;</li>
 * <li>WebSocket: the message {@code null} killed the socket (NullPointerException, no answer, later messages
 * lost), and bytes that are not UTF-8 were silently replaced by U+FFFD and the altered batch written.</li>
 * </ul>
 */
class MalformedInputRegressionTest extends IngestWebTestBase {

    @LocalServerPort
    int port;

    private static final String GOOD = "{\"seq\":1,\"speaker\":\"candidate\",\"text\":\"Fine.\",\"start_ms\":0,"
            + "\"end_ms\":1,\"final\":true}";

    @Test
    void shouldAnswer413ToAnOversizeChunkedBodyAfterReadingIt() {
        String id = openRound(ALICE);
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'a');
        Flux<DataBuffer> body = Flux.concat(
                Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(("{\"segments\":[" + GOOD + "],\"pad\":\"")
                        .getBytes(StandardCharsets.UTF_8))),
                Flux.range(0, 20).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(chunk)),
                Flux.just(DefaultDataBufferFactory.sharedInstance.wrap("\"}".getBytes(StandardCharsets.UTF_8))));
        expectProblem(post("/api/sessions/" + id + "/transcript", ALICE).body(body, DataBuffer.class).exchange(), 413);
        assertThat(writer.all()).isEmpty();
    }

    @Test
    void shouldAnswerAProblemWhenTheFirewallRefusesTheUrl() {
        for (String path : List.of("/api/sessions/..%2f..%2factuator/transcript", "/api/sessions/a;b=c/transcript")) {
            expectProblem(post(path, ALICE).bodyValue("{\"segments\":[" + GOOD + "]}").exchange(), 400);
        }
    }

    @Test
    void shouldRefuseNumbersForEnumsAndStringsAndUnpairedSurrogates() {
        String id = openRound(ALICE);
        for (String bad : List.of(GOOD.replace("\"candidate\"", "1"), GOOD.replace("\"Fine.\"", "5"),
                GOOD.replace("\"Fine.\"", "\"\\ud800\""))) {
            expectProblem(post("/api/sessions/" + id + "/transcript", ALICE).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"segments\":[" + bad + "]}").exchange(), 400)
                    .jsonPath("$.field").isEqualTo(bad.contains("\"speaker\":1") ? "segments[0].speaker"
                            : "segments[0].text");
        }
        assertThat(writer.all()).isEmpty();
    }

    @Test
    void shouldAnswerANullOrNonUtf8SocketMessageWithAnErrorAndKeepTheSocketOpen() {
        String id = openRound(ALICE);
        List<String> replies = new CopyOnWriteArrayList<>();
        URI uri = URI.create("ws://127.0.0.1:" + port + "/ws/ingest/" + id + "?access_token="
                + TestTokens.forUser(ALICE));
        byte[] notUtf8 = ("{\"segments\":[" + GOOD.replace("Fine.", "Fi\u0000ne.") + "]}")
                .getBytes(StandardCharsets.UTF_8);
        notUtf8[notUtf8.length - 30] = (byte) 0xFF;
        new ReactorNettyWebSocketClient().execute(uri, socket -> socket
                .send(Flux.just(socket.textMessage("null"),
                        new WebSocketMessage(WebSocketMessage.Type.TEXT, socket.bufferFactory().wrap(notUtf8)),
                        socket.textMessage("{\"ref\":\"ok\",\"segments\":[" + GOOD + "]}")))
                .thenMany(socket.receive().map(WebSocketMessage::getPayloadAsText).take(3))
                .doOnNext(replies::add)
                .then())
                .block(Duration.ofSeconds(10));

        assertThat(replies).hasSize(3);
        assertThat(replies).extracting(r -> JsonCodec.mapper().readTree(r).path("type").asString())
                .containsExactly("error", "error", "ack");
        assertThat(replies).extracting(r -> JsonCodec.mapper().readTree(r).path("status").asInt())
                .containsExactly(400, 400, 0);
        assertThat(writer.all()).hasSize(1);
    }
}
