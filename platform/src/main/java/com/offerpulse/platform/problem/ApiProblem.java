package com.offerpulse.platform.problem;

import java.time.Duration;

import org.springframework.http.HttpStatus;

/** An error a handler means to show the client, rendered as application/problem+json. */
public class ApiProblem extends RuntimeException {
    private final HttpStatus status;
    private final String field;
    private final Duration retryAfter;

    public ApiProblem(HttpStatus status, String detail, String field, Duration retryAfter) {
        super(detail);
        this.status = status;
        this.field = field;
        this.retryAfter = retryAfter;
    }

    public static ApiProblem badRequest(String field, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, detail, field, null);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, detail, null, null);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, detail, null, null);
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, detail, null, null);
    }

    public static ApiProblem payloadTooLarge(String detail) {
        return new ApiProblem(HttpStatus.PAYLOAD_TOO_LARGE, detail, null, null);
    }

    public static ApiProblem tooManyRequests(Duration retryAfter) {
        return new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests from this client; slow down.", null,
                retryAfter);
    }

    public static ApiProblem tooManyRequests(String detail, Duration retryAfter) {
        return new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, detail, null, retryAfter);
    }

    /** 422: the request is well-formed but would cross a bound (named in the detail, and in {@code field} if any). */
    public static ApiProblem unprocessable(String field, String detail) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, detail, field, null);
    }

    public static ApiProblem unavailable(String detail, Duration retryAfter) {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, detail, null, retryAfter);
    }

    public HttpStatus status() {
        return status;
    }

    public String field() {
        return field;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
