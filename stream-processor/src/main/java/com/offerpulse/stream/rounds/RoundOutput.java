package com.offerpulse.stream.rounds;

import com.offerpulse.contracts.analytics.SessionMeters;
import com.offerpulse.contracts.analytics.TaggedSentence;
import com.offerpulse.contracts.session.SessionEnded;

/** What the round processor emits; the topology routes each kind to its topic. */
public sealed interface RoundOutput {
    record Sentence(TaggedSentence value) implements RoundOutput {
    }

    record Meters(SessionMeters value) implements RoundOutput {
    }

    /** A round the processor ended for inactivity, announced on the lifecycle topic. */
    record Timeout(SessionEnded value) implements RoundOutput {
    }

    record Closed(RoundOutcome value) implements RoundOutput {
    }
}
