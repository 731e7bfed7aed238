package com.offerpulse.ingest.events;

import java.util.Map;

import com.offerpulse.contracts.growth.ProductEventName;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A product event from a browser; {@code anonymous_id} is required when the caller is not signed in. */
public record ProductEventRequest(
        @NotNull ProductEventName name,
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "may hold letters, digits, _ and - only") String anonymousId,
        @Size(max = 64) String sessionId,
        @Size(max = 20) Map<String, @Size(max = 200) String> properties) {
}
