package com.offerpulse.ingest.sessions;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code target_role} is optional; a round without one is tagged "general". */
public record StartSessionRequest(@NotBlank @Size(max = 500) String question, @Size(max = 80) String targetRole) {
    static final String DEFAULT_ROLE = "general";

    String roleOrDefault() {
        return targetRole == null || targetRole.isBlank() ? DEFAULT_ROLE : targetRole.trim();
    }
}
