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

    public static Problem problem(HttpStatusCode status, String detail, String field, Duration retryAfter, String path) {
        String reason = status instanceof org.springframework.http.HttpStatus hs ? hs.getReasonPhrase() : "Error";
        String type = TYPE_PREFIX + reason.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        return new Problem(type, reason, status.value(), detail, path, field == null || field.isEmpty() ? null : field,
                retryAfter == null ? null : retryAfter.toSeconds());
    }

    public static ResponseEntity<Problem> entity(HttpStatusCode status, String detail, String field, Duration retryAfter,
            String path) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status).contentType(PROBLEM_JSON);
        if (retryAfter != null) {
            builder.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
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
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        }
        byte[] body = JsonCodec.encode(problem(status, detail, null, retryAfter, exchange.getRequest().getPath().value()));
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }
}
