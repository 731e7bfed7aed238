package com.offerpulse.query.share;

import java.time.Instant;

/** The answer to {@code POST /api/share}: the only time the raw token leaves the server. */
public record ShareCreated(String token, String url, Instant expiresAt) {
}
