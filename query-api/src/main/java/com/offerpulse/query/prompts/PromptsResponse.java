package com.offerpulse.query.prompts;

/** {@code GET /api/user/prompts}: one entry per prompt kind; the testimonial prompt is the only one so far. */
public record PromptsResponse(TestimonialPromptView testimonial) {
}
