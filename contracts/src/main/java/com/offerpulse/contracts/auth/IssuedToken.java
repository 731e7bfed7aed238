package com.offerpulse.contracts.auth;

import java.time.Instant;

public record IssuedToken(String token, String userId, Instant expiresAt) {
}
