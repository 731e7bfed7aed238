package com.offerpulse.ingest.transcript;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.offerpulse.contracts.transcript.Speaker;
import com.offerpulse.contracts.transcript.TranscriptSegment;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One segment as a client sends it; the server adds ids, the owner and the time. */
public record SegmentInput(
        @NotNull @Min(0) Long seq,
        @NotNull Speaker speaker,
        @NotNull @Size(max = TranscriptSegment.MAX_TEXT_LENGTH) String text,
        @NotNull @Min(0) Long startMs,
        @NotNull @Min(0) Long endMs,
        @JsonProperty("final") @NotNull Boolean finalSegment) {
}
