package com.offerpulse.stream.prompts;

import java.time.Duration;
import java.util.Optional;

import com.offerpulse.contracts.growth.PromptState;
import com.offerpulse.contracts.growth.TestimonialPrompt;

/**
 * The testimonial prompt's state machine, one user at a time (docs/GROWTH.md, "Testimonial prompt"). A cycle is
 * {@code cycleLength} from the moment it starts; inside it:
 *
 * <pre>
 *   (no cycle) --rise ≥ min--> eligible --shown--> shown
 *   eligible | shown --dismissed--> dismissed        (stays until the cycle ends)
 *   any --submitted--> submitted                       (stays until the cycle ends)
 * </pre>
 *
 * A rise once the cycle is over starts the next one. A dismissal or a testimonial outside any cycle starts one in
 * that state, so "not now" holds for a full cycle whichever device said it. Everything else changes nothing.
 */
final class PromptRules {
    /** Float noise allowance, so a rise of exactly the threshold counts ("at least"). */
    private static final double EPSILON = 1e-9;

    private final double minRise;
    private final Duration cycleLength;

    PromptRules(double minRise, Duration cycleLength) {
        this.minRise = minRise;
        this.cycleLength = cycleLength;
    }

    PromptRules(PromptSettings settings) {
        this(settings.minRise(), settings.cycleLength());
    }

    /** The next state, or empty when {@code input} changes nothing (so nothing is written). */
    Optional<TestimonialPrompt> next(String userId, TestimonialPrompt current, PromptInput input) {
        boolean open = current != null && input.at().isBefore(current.cycleEnd());
        PromptState state = open ? current.state() : PromptState.NOT_ELIGIBLE;
        if (input instanceof PromptInput.Round round) {
            return !open && qualifies(round)
                    ? Optional.of(new TestimonialPrompt(userId, round.at(), round.at().plus(cycleLength),
                            PromptState.ELIGIBLE, round.sessionId(), round.at()))
                    : Optional.empty();
        }
        if (input instanceof PromptInput.Shown) {
            return state == PromptState.ELIGIBLE ? Optional.of(moved(current, PromptState.SHOWN, input))
                    : Optional.empty();
        }
        if (input instanceof PromptInput.Dismissed) {
            if (state == PromptState.ELIGIBLE || state == PromptState.SHOWN) {
                return Optional.of(moved(current, PromptState.DISMISSED, input));
            }
            return open ? Optional.empty() : Optional.of(startedBy(userId, PromptState.DISMISSED, input));
        }
        if (state == PromptState.SUBMITTED) {
            return Optional.empty();
        }
        return Optional.of(open ? moved(current, PromptState.SUBMITTED, input)
                : startedBy(userId, PromptState.SUBMITTED, input));
    }

    private boolean qualifies(PromptInput.Round round) {
        return round.rise() != null && round.rise() >= minRise - EPSILON;
    }

    private static TestimonialPrompt moved(TestimonialPrompt current, PromptState to, PromptInput input) {
        return new TestimonialPrompt(current.userId(), current.cycleStart(), current.cycleEnd(), to,
                current.eligibleSessionId(), input.at());
    }

    private TestimonialPrompt startedBy(String userId, PromptState state, PromptInput input) {
        return new TestimonialPrompt(userId, input.at(), input.at().plus(cycleLength), state, null, input.at());
    }
}
