package com.offerpulse.contracts.growth;

import java.time.Instant;

import com.offerpulse.contracts.json.Require;

/** The testimonial prompt of a user for the current 30-day cycle, on the compacted {@code user.prompts.v1}. */
public record TestimonialPrompt(String userId, Instant cycleStart, PromptState state, String eligibleSessionId,
        Instant updatedAt) {

    public TestimonialPrompt {
        Require.notBlank(userId, "user_id");
        Require.present(cycleStart, "cycle_start");
        Require.present(state, "state");
        Require.present(updatedAt, "updated_at");
    }
}
