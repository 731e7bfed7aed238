package com.offerpulse.ingest.testimonials;

import com.offerpulse.contracts.growth.Testimonial;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/testimonials}: the text (1 to 1,000 characters), whether it may be published, and optionally the
 * round it refers to.
 */
public record TestimonialRequest(
        @NotBlank @Size(max = Testimonial.MAX_TEXT_LENGTH) String text,
        @NotNull Boolean consent,
        @Size(max = Testimonial.MAX_ID_LENGTH)
        @Pattern(regexp = "[A-Za-z0-9_-]+", message = "may hold letters, digits, _ and - only") String sessionId) {
}
