package com.offerpulse.stream.rounds;

import java.time.Instant;

import com.offerpulse.contracts.transcript.Speaker;

/** A final segment that arrived ahead of a missing seq, waiting for the gap to fill. */
public record HeldSegment(long seq, Speaker speaker, String text, Instant occurredAt) {
}
