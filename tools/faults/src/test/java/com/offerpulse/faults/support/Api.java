package com.offerpulse.faults.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.offerpulse.contracts.json.JsonCodec;

import tools.jackson.databind.JsonNode;

/** Plain HTTP calls to a service, as a browser would make them. */
public final class Api {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private Api() {
    }

    /** A response; {@code status} 0 when the request failed before an answer (connection refused, timeout). */
    public record Reply(int status, String body) {
        public JsonNode json() {
            return JsonCodec.mapper().readTree(body);
        }
    }

    public static Reply post(String url, String token, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("content-type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return send(b, token);
    }

    public static Reply get(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET(), token);
    }

    private static Reply send(HttpRequest.Builder b, String token) {
        if (token != null) {
            b.header("authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body());
        } catch (IOException e) {
            return new Reply(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(0, "interrupted");
        }
    }
}
