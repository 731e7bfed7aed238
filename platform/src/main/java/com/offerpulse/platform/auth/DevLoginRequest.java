package com.offerpulse.platform.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A development sign-in by name. There is no roles field: roles never come from the caller (a {@code roles} member
 * in the body is ignored like any unknown member).
 */
public record DevLoginRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._@+-]+", message = "may hold letters, digits and . _ @ + - only") String username) {
}
