package com.offerpulse.contracts.growth;

import java.time.Instant;

import com.offerpulse.contracts.json.ContractViolation;
import com.offerpulse.contracts.json.Require;

/**
 * The testimonial prompt of a user for the current cycle, on the compacted {@code user.prompts.v1}. The cycle is
 * {@code [cycle_start, cycle_end)} in event time; once it is over the prompt counts as not eligible until a new rise
 * starts the next cycle (readers compare {@code cycle_end} with their clock).
 */
public record TestimonialPrompt(String userId, Instant cycleStart, Instant cycleEnd, PromptState state,
        String eligibleSessionId, Instant updatedAt) {

    public TestimonialPrompt {
        Require.notBlank(userId, "user_id");
        Require.present(cycleStart, "cycle_start");
        Require.present(cycleEnd, "cycle_end");
        if (!cycleEnd.isAfter(cycleStart)) {
            throw new ContractViolation("cycle_end", "must be after cycle_start");
        }
        Require.present(state, "state");
        Require.present(updatedAt, "updated_at");
    }

    /** True while {@code at} falls inside this cycle. */
    public boolean inCycle(Instant at) {
        return !at.isBefore(cycleStart) && at.isBefore(cycleEnd);
    }
}
