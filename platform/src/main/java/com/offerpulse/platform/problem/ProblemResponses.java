package com.offerpulse.platform.problem;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

import com.offerpulse.contracts.json.JsonCodec;

import reactor.core.publisher.Mono;

/** Builds problem+json responses, for controllers and for filters that answer before any controller runs. */
public final class ProblemResponses {
    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    private static final String TYPE_PREFIX = "urn:offerpulse:problem:";

    private ProblemResponses() {
    }

    /**
     * Every problem body is built here: the detail goes through {@link SafeDetail}, {@code instance} is the request
     * path only (never an absolute URL), {@code type} a URN.
     */
    public static Problem problem(HttpStatusCode status, String detail, String field, Duration retryAfter, String path) {
        org.springframework.http.HttpStatus known = org.springframework.http.HttpStatus.resolve(status.value());
        String reason = known != null ? known.getReasonPhrase() : "Error";
        String type = TYPE_PREFIX + reason.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        String safeField = field == null || field.isEmpty() || field.length() > 200 ? null : field;
        return new Problem(type, reason, status.value(), SafeDetail.of(status, detail, safeField), pathOnly(path),
                safeField, retryAfter == null ? null : retryAfterSeconds(retryAfter));
    }

    /** Whole seconds, rounded up and at least 1: a client that waits this long will be let in. */
    public static long retryAfterSeconds(Duration retryAfter) {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /** The path part of whatever was given (a path already, in practice), capped in length. */
    static String pathOnly(String path) {
        if (path == null || path.isEmpty()) {
            return null;
        }
        String p = path;
        int scheme = p.indexOf("://");
        if (scheme >= 0) {
            int slash = p.indexOf('/', scheme + 3);
            p = slash < 0 ? "/" : p.substring(slash);
        }
        int query = p.indexOf('?');
        if (query >= 0) {
            p = p.substring(0, query);
        }
        return p.length() <= 200 ? p : p.substring(0, 200);
    }

    public static ResponseEntity<Problem> entity(HttpStatusCode status, String detail, String field, Duration retryAfter,
            String path) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status).contentType(PROBLEM_JSON);
        if (retryAfter != null) {
            builder.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds(retryAfter)));
        }
        return builder.body(problem(status, detail, field, retryAfter, path));
    }

    public static ResponseEntity<Problem> entity(ApiProblem p, String path) {
        return entity(p.status(), p.getMessage(), p.field(), p.retryAfter(), path);
    }

    /** Writes the problem straight to the response: for security handlers and web filters. */
    public static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String detail,
            Duration retryAfter) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(PROBLEM_JSON);
        if (retryAfter != null) {
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds(retryAfter)));
        }
        byte[] body = JsonCodec.encode(problem(status, detail, null, retryAfter, exchange.getRequest().getPath().value()));
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }
}
