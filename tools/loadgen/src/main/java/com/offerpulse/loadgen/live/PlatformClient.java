package com.offerpulse.loadgen.live;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.offerpulse.contracts.json.JsonCodec;

import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.JsonNode;

/**
 * The public HTTP surface the load generator uses (guest sign-in, rounds, invites, transcript batches, metrics), over
 * reactor-netty on the tool's own event loops. Every call answers a {@link Reply} (status and body); a transport
 * failure is status 0.
 */
public final class PlatformClient {
    private final HttpClient http;
    private final String base;

    public PlatformClient(String base, LoopResources loops) {
        this.base = base;
        // The server serves one request per connection by default (docs/ARCHITECTURE.md, "HTTP keep-alive"): no pool.
        this.http = HttpClient.create(ConnectionProvider.newConnection()).runOn(loops)
                .responseTimeout(Duration.ofSeconds(30));
    }

    public HttpClient http() {
        return http;
    }

    /** A response: status (0 = no answer) and body. */
    public record Reply(int status, String body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public String field(String name) {
            JsonNode node = JsonCodec.mapper().readTree(body);
            return node.path(name).asString("");
        }
    }

    public Mono<Reply> post(String path, String token, String json) {
        return http.headers(h -> {
            h.set(HttpHeaderNames.CONTENT_TYPE, "application/json");
            if (token != null) {
                h.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token);
            }
        }).post().uri(base + path).send(ByteBufFlux.fromString(Mono.just(json)))
                .responseSingle((res, body) -> body.asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                        .map(s -> new Reply(res.status().code(), s)))
                .onErrorResume(e -> Mono.just(new Reply(0, String.valueOf(e.getMessage()))));
    }

    public Mono<Reply> get(String path, String token) {
        return http.headers(h -> h.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token)).get().uri(base + path)
                .responseSingle((res, body) -> body.asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                        .map(s -> new Reply(res.status().code(), s)))
                .onErrorResume(e -> Mono.just(new Reply(0, String.valueOf(e.getMessage()))));
    }

    /** A guest sign-in: the server picks a new random identity; the label only names the caller in the tool. */
    public Mono<Reply> login(String label) {
        return post("/api/auth/guest", null, "");
    }

    public Mono<Reply> startRound(String token, String question, String role) {
        return post("/api/sessions", token, JsonCodec.encodeToString(Map.of("question", question, "target_role",
                role)));
    }

    public Mono<Reply> invite(String token, String sessionId) {
        return post("/api/sessions/" + sessionId + "/invites", token, "{}");
    }

    public Mono<Reply> endRound(String token, String sessionId) {
        return post("/api/sessions/" + sessionId + "/end", token, "{}");
    }

    public static String query(String token) {
        return "access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
