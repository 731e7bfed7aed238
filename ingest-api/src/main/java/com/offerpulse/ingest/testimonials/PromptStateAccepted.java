package com.offerpulse.ingest.testimonials;

/** The prompt state the command leads to ({@code dismissed} or {@code submitted}), once Kafka has it. */
public record PromptStateAccepted(String state) {
    static final PromptStateAccepted DISMISSED = new PromptStateAccepted("dismissed");
    static final PromptStateAccepted SUBMITTED = new PromptStateAccepted("submitted");
}
