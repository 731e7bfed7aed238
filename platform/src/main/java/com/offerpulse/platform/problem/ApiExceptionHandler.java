package com.offerpulse.platform.problem;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

import com.offerpulse.contracts.json.ContractViolation;
import com.offerpulse.contracts.json.JsonCodec;

/**
 * Every controller error becomes application/problem+json. Input errors name the offending field by its wire
 * (snake_case) path; unexpected errors say nothing about internals. Every detail passes through {@link SafeDetail}
 * (in {@link ProblemResponses}), so a library's message naming a class or a URL never reaches a client.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Problem> apiProblem(ApiProblem p, ServerWebExchange exchange) {
        return ProblemResponses.entity(p, path(exchange));
    }

    @ExceptionHandler(ContractViolation.class)
    ResponseEntity<Problem> contractViolation(ContractViolation v, ServerWebExchange exchange) {
        return ProblemResponses.entity(HttpStatus.BAD_REQUEST, v.getMessage(), v.field(), null, path(exchange));
    }

    @ExceptionHandler(WebExchangeBindException.class)
    ResponseEntity<Problem> invalid(WebExchangeBindException e, ServerWebExchange exchange) {
        FieldError first = e.getFieldErrors().stream().min(java.util.Comparator.comparing(FieldError::getField))
                .orElse(null);
        if (first == null) {
            return ProblemResponses.entity(HttpStatus.BAD_REQUEST, "The request is invalid.", null, null, path(exchange));
        }
        String field = toWirePath(first.getField());
        return ProblemResponses.entity(HttpStatus.BAD_REQUEST, "'" + field + "' " + first.getDefaultMessage(), field,
                null, path(exchange));
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<Problem> unreadable(ServerWebInputException e, ServerWebExchange exchange) {
        if (causedBy(e, DataBufferLimitException.class)) {
            return tooLarge(exchange);
        }
        if (causedBy(e, DecodingException.class) || e.getCause() != null) {
            ContractViolation v = JsonCodec.violationOf(e);
            String detail = v.field().isEmpty() ? "The request body " + v.reason() : v.getMessage();
            if (v.field().isEmpty() && !SafeDetail.isSafe(detail)) {
                // e.g. an array where an object belongs: the parser's own words name the Java type.
                detail = "The request body is not the JSON object this route expects.";
            }
            return ProblemResponses.entity(HttpStatus.BAD_REQUEST, detail, v.field(), null, path(exchange));
        }
        String reason = e.getReason() == null ? "The request is invalid." : e.getReason();
        return ProblemResponses.entity(HttpStatus.BAD_REQUEST, reason, null, null, path(exchange));
    }

    @ExceptionHandler(DataBufferLimitException.class)
    ResponseEntity<Problem> bufferLimit(DataBufferLimitException e, ServerWebExchange exchange) {
        return tooLarge(exchange);
    }

    @ExceptionHandler(UnsupportedMediaTypeStatusException.class)
    ResponseEntity<Problem> mediaType(UnsupportedMediaTypeStatusException e, ServerWebExchange exchange) {
        // The framework's reason names the Java body type; say what to send instead.
        String sent = e.getContentType() == null ? "no content type" : "'" + e.getContentType() + "'";
        return ProblemResponses.entity(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "The body was sent as " + sent + "; send it as application/json.", null, null, path(exchange));
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Problem> status(ResponseStatusException e, ServerWebExchange exchange) {
        String detail = e.getReason() == null ? "The request could not be served." : e.getReason();
        return ProblemResponses.entity(e.getStatusCode(), detail, null, null, path(exchange));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Problem> unexpected(Exception e, ServerWebExchange exchange) {
        log.atError().setCause(e).addKeyValue("method", String.valueOf(exchange.getRequest().getMethod()))
                .addKeyValue("path", path(exchange)).log("Unhandled error in a controller");
        return ProblemResponses.entity(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side.", null,
                null, path(exchange));
    }

    private static ResponseEntity<Problem> tooLarge(ServerWebExchange exchange) {
        return ProblemResponses.entity(HttpStatus.PAYLOAD_TOO_LARGE, "The request body is larger than allowed.", null,
                null, path(exchange));
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static String path(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().value();
    }

    /** {@code segments[3].startMs} → {@code segments[3].start_ms}: clients see the names they sent. */
    static String toWirePath(String javaPath) {
        StringBuilder sb = new StringBuilder();
        for (char c : javaPath.toCharArray()) {
            if (Character.isUpperCase(c)) {
                sb.append('_').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        String wire = sb.toString();
        return wire.equals("final_segment") || wire.endsWith(".final_segment")
                ? wire.substring(0, wire.length() - "final_segment".length()) + "final"
                : wire.toLowerCase(Locale.ROOT);
    }
}
