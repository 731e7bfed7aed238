package com.offerpulse.stream.rounds;

import com.offerpulse.contracts.session.SessionLifecycleEvent;
import com.offerpulse.contracts.transcript.TranscriptSegment;

/** The round processor's input: a segment or a lifecycle event of the same session (same key, co-partitioned). */
public record RoundInput(TranscriptSegment segment, SessionLifecycleEvent lifecycle) {
    public static RoundInput of(TranscriptSegment segment) {
        return new RoundInput(segment, null);
    }

    public static RoundInput of(SessionLifecycleEvent event) {
        return new RoundInput(null, event);
    }
}
