package com.offerpulse.query.user;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import com.offerpulse.platform.problem.ApiProblem;

/** An opaque page cursor: the position (end time, session id) of the last round of the previous page. */
record RoundCursor(Instant endedAt, String sessionId) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((endedAt.toString() + "|" + sessionId).getBytes(StandardCharsets.UTF_8));
    }

    static RoundCursor decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            return new RoundCursor(Instant.parse(raw.substring(0, bar)), raw.substring(bar + 1));
        } catch (RuntimeException e) {
            throw ApiProblem.badRequest("cursor", "'cursor' is not a cursor this API returned");
        }
    }
}
