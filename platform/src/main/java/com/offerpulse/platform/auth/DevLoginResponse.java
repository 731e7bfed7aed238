package com.offerpulse.platform.auth;

import java.time.Instant;

public record DevLoginResponse(String token, String userId, Instant expiresAt) {
}
