package com.offerpulse.contracts.growth;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.offerpulse.contracts.json.Require;

/**
 * A testimonial a user wrote, on the compacted {@code user.testimonials.v1}, keyed by user id (the newest one per user
 * is kept). {@code consent} says whether the growth team may publish it; without it the text is feedback only.
 */
public record Testimonial(String testimonialId, String userId, String text,
        @JsonProperty(required = true) boolean consent, String sessionId, Instant submittedAt) {

    public static final int MAX_TEXT_LENGTH = 1_000;
    public static final int MAX_ID_LENGTH = 64;

    public Testimonial {
        Require.notBlank(testimonialId, "testimonial_id");
        Require.notBlank(userId, "user_id");
        Require.notBlank(text, "text");
        Require.maxLength(text, MAX_TEXT_LENGTH, "text");
        Require.maxLength(sessionId, MAX_ID_LENGTH, "session_id");
        Require.present(submittedAt, "submitted_at");
    }
}
