package com.offerpulse.platform.auth;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code roles} may ask for {@code analyst} on the embedded default, to try the KPI pages. A null element is refused
 * (400 naming {@code roles[i]}), not a 500.
 */
public record DevLoginRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._@+-]+", message = "may hold letters, digits and . _ @ + - only") String username,
        @Size(max = 2) List<@NotNull @Pattern(regexp = "analyst|candidate", message = "must be analyst or candidate") String> roles) {
}
