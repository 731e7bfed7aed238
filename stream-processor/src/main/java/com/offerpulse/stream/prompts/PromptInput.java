package com.offerpulse.stream.prompts;

import java.time.Instant;

import com.offerpulse.contracts.analytics.SessionSummary;
import com.offerpulse.contracts.growth.ProductEvent;

/** What moves a user's prompt: an ended round (maybe a rise) or the user's answer to the prompt. */
sealed interface PromptInput {

    /** Event time: the round's end or the event's acceptance, never the wall clock (replays give the same states). */
    Instant at();

    /** An ended round; {@code rise} is null on a user's first round (nothing to rise from). */
    record Round(String sessionId, Double rise, Instant at) implements PromptInput {
        static Round of(SessionSummary s) {
            Double rise = s.offerProbabilityBefore() == null ? null
                    : s.offerProbabilityAfter() - s.offerProbabilityBefore();
            return new Round(s.sessionId(), rise, s.endedAt());
        }
    }

    record Shown(Instant at) implements PromptInput {
    }

    record Dismissed(Instant at) implements PromptInput {
    }

    record Submitted(Instant at) implements PromptInput {
    }

    /** The prompt's own product events; null for every other event. */
    static PromptInput of(ProductEvent e) {
        return switch (e.name()) {
            case TESTIMONIAL_PROMPT_SHOWN -> new Shown(e.occurredAt());
            case TESTIMONIAL_DISMISSED -> new Dismissed(e.occurredAt());
            case TESTIMONIAL_SUBMITTED -> new Submitted(e.occurredAt());
            default -> null;
        };
    }
}
