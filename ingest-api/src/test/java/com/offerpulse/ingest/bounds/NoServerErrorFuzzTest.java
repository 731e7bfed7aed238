package com.offerpulse.ingest.bounds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.testsupport.auth.TestTokens;

import tools.jackson.databind.JsonNode;

/**
 * Issue 12: no input gives a 500 on the routes ingest and platform own (dev-login included), and no problem detail
 * shows a Java class name, an exception, a URL or a host, nor an {@code instance} other than a path. Generated bodies
 * (seeded, reproducible) mix every field these routes know with values of every JSON type, nulls inside lists, broken
 * JSON and other content types. Fast (Kafka is an in-memory fake here); the broker-backed fuzz is IngestFuzzIT.
 */
// Its own sign-in allowance (and so its own context): its many dev-login cases must not use up IngestBoundsTest's.
@TestPropertySource(properties = "offerpulse.auth.sign-ins-per-minute=100000")
class NoServerErrorFuzzTest extends BoundedIngestTestBase {
    private static final long SEED = 12L;
    private static final int CASES = 800;
    private static final Pattern INTERNALS = Pattern.compile(
            "\\b(com|java|javax|jakarta|org|tools|reactor|io)\\.[a-z]|Exception|Error\\b|`|://|bodyType|JsonToken");

    private static final List<String> FIELDS = List.of("username", "roles", "question", "target_role", "segments",
            "seq", "speaker", "text", "start_ms", "end_ms", "final", "name", "anonymous_id", "session_id", "properties",
            "consent", "ref", "unknown");
    private static final List<String> VALUES = List.of("null", "[null]", "[null,null]", "[1]", "[[]]", "[{}]", "{}",
            "\"\"", "\" \"", "\"analyst\"", "[\"analyst\"]", "[\"ANALYST\"]", "[\"analyst\",\"candidate\",\"x\"]",
            "[\"\"]", "0", "-1", "1e400", "12345678901234567890", "1.5", "true", "\"candidate\"", "\"landing_view\"",
            "\"session_completed\"", "\"\\ud800\"", "\"\\u0000\"", "\"a b!\"", "\"" + "x".repeat(3_000) + "\"",
            "{\"k\":null}", "{\"k\":[1]}", "[{\"seq\":null}]",
            "[{\"seq\":1,\"speaker\":\"candidate\",\"text\":null,\"start_ms\":0,\"end_ms\":1,\"final\":true}]",
            "[{\"seq\":1,\"speaker\":\"candidate\",\"text\":\"ok\",\"start_ms\":0,\"end_ms\":1,\"final\":true}]");
    private static final List<String> RAW = List.of("", "null", "[]", "[null]", "1", "\"x\"", "true", "{", "}", "{\"a\":",
            "{\"username\":\"ada\",}", "\u0000", "{\"username\":\"ada\"}{}", "[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]");

    private record Route(HttpMethod method, String path, boolean body) {
    }

    @Test
    void shouldNeverAnswer5xxNorShowInternalsInAProblem() {
        String user = "u_fuzz_500";
        String round = openRound(user);
        List<Route> routes = List.of(new Route(HttpMethod.POST, "/api/auth/dev-login", true),
                new Route(HttpMethod.POST, "/api/auth/guest", true),
                new Route(HttpMethod.POST, "/api/sessions", true),
                new Route(HttpMethod.POST, "/api/sessions/" + round + "/transcript", true),
                new Route(HttpMethod.POST, "/api/sessions/s_unknown/transcript", true),
                new Route(HttpMethod.POST, "/api/sessions/" + round + "/end", true),
                new Route(HttpMethod.DELETE, "/api/sessions/s_unknown", false),
                new Route(HttpMethod.POST, "/api/events", true),
                new Route(HttpMethod.POST, "/api/testimonials", true),
                new Route(HttpMethod.POST, "/api/user/prompts/testimonial/dismiss", true),
                new Route(HttpMethod.PUT, "/api/sessions", true),
                new Route(HttpMethod.GET, "/api/auth/dev-login", false));
        List<String> contentTypes = List.of("application/json", "application/json", "application/json", "text/plain",
                "application/xml", "application/json; charset=UTF-16", "multipart/form-data; boundary=x");
        Random random = new Random(SEED);
        List<String> violations = new ArrayList<>();
        int[] byFamily = new int[6];
        for (int i = 0; i < CASES; i++) {
            Route route = routes.get(random.nextInt(routes.size()));
            String body = random.nextInt(5) == 0 ? RAW.get(random.nextInt(RAW.size())) : object(random);
            String type = contentTypes.get(random.nextInt(contentTypes.size()));
            boolean signedIn = random.nextInt(4) != 0;
            var spec = web.method(route.method()).uri(route.path()).header("Content-Type", type);
            if (signedIn) {
                spec.headers(h -> h.setBearerAuth(TestTokens.forUser(user)));
            }
            EntityExchangeResult<byte[]> result = (route.body() ? spec.bodyValue(body.getBytes(StandardCharsets.UTF_8))
                    : spec).exchange().expectBody().returnResult();
            int status = result.getStatus().value();
            byFamily[status / 100]++;
            String where = "#" + i + " " + route.method() + " " + route.path() + " [" + type + "] "
                    + abbreviate(body) + " → " + status + " " + abbreviate(text(result.getResponseBody()));
            if (status >= 500) {
                violations.add(where);
                continue;
            }
            if (status >= 400) {
                String contentType = String.valueOf(result.getResponseHeaders().getContentType());
                if (!contentType.startsWith("application/problem+json")) {
                    violations.add(where + " (not problem+json: " + contentType + ")");
                    continue;
                }
                JsonNode problem = JsonCodec.mapper().readTree(result.getResponseBody());
                String detail = problem.path("detail").asString();
                if (detail.isEmpty() || INTERNALS.matcher(detail).find()) {
                    violations.add(where + " (detail shows internals)");
                }
                if (!problem.path("instance").asString().startsWith("/")) {
                    violations.add(where + " (instance is not a path)");
                }
            }
        }
        System.out.printf("NoServerErrorFuzzTest: %d cases, 2xx %d, 4xx %d, 5xx %d%n", CASES, byFamily[2],
                byFamily[4], byFamily[5]);
        assertThat(violations).as("answers that break the contract (seed %d)", SEED).isEmpty();
        assertThat(byFamily[2]).as("some cases were valid").isPositive();
    }

    private static String object(Random random) {
        StringBuilder sb = new StringBuilder("{");
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append('"').append(FIELDS.get(random.nextInt(FIELDS.size()))).append("\":")
                    .append(VALUES.get(random.nextInt(VALUES.size())));
        }
        if (random.nextInt(3) == 0) {
            // Often a nearly valid body, so the deeper checks are reached too.
            sb.append(n == 0 ? "" : ",").append(List.of("\"username\":\"ada\"", "\"question\":\"Why?\"",
                    "\"name\":\"cta_click\",\"anonymous_id\":\"fz\"", "\"text\":\"Great.\",\"consent\":true")
                    .get(random.nextInt(4)));
        }
        return sb.append('}').toString();
    }

    private static String text(byte[] body) {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
