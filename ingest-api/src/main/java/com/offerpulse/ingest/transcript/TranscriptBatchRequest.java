package com.offerpulse.ingest.transcript;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code {"segments": [...]}}, over HTTP and over the ingest WebSocket alike. At most 500 segments. */
public record TranscriptBatchRequest(@NotNull @Size(min = 1, max = 500) List<@NotNull @Valid SegmentInput> segments) {
}
