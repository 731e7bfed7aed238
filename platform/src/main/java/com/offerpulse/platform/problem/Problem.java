package com.offerpulse.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem body. {@code field} names the offending input (snake_case path) on validation errors;
 * {@code retryAfterSeconds} mirrors the Retry-After header on 429 and 503.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String field,
        Long retryAfterSeconds) {
}
