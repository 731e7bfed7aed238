package com.offerpulse.query.prompts;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import com.offerpulse.contracts.growth.PromptState;
import com.offerpulse.contracts.growth.TestimonialPrompt;

/**
 * Whether the frontend shows the testimonial prompt. {@code show} is true only while the prompt is eligible or
 * already shown in a cycle that has not ended; a user without a prompt, or whose cycle is over, is not eligible.
 */
public record TestimonialPromptView(boolean show, PromptState state, String eligibleSessionId, Instant cycleStart,
        Instant cycleEnd) {

    private static final Set<PromptState> SHOWABLE = EnumSet.of(PromptState.ELIGIBLE, PromptState.SHOWN);
    static final TestimonialPromptView NOT_ELIGIBLE = new TestimonialPromptView(false, PromptState.NOT_ELIGIBLE, null,
            null, null);

    /** The stored prompt as of {@code now}: a cycle that ended counts as no cycle at all. */
    static TestimonialPromptView of(Optional<TestimonialPrompt> stored, Instant now) {
        return stored.filter(p -> now.isBefore(p.cycleEnd()))
                .map(p -> new TestimonialPromptView(SHOWABLE.contains(p.state()), p.state(), p.eligibleSessionId(),
                        p.cycleStart(), p.cycleEnd()))
                .orElse(NOT_ELIGIBLE);
    }
}
