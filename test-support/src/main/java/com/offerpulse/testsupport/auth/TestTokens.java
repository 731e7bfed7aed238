package com.offerpulse.testsupport.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import com.offerpulse.contracts.auth.HmacSecret;
import com.offerpulse.contracts.auth.Role;
import com.offerpulse.contracts.auth.TokenIssuer;

/** Tokens signed with the secret the test application is configured with. */
public final class TestTokens {
    public static final String SECRET = "test-secret-that-is-at-least-32-bytes-long!";
    private static final TokenIssuer ISSUER = new TokenIssuer(HmacSecret.parse(SECRET));
    private static final TokenIssuer STRANGER = new TokenIssuer(HmacSecret.parse("another-secret-of-at-least-32-bytes!!"));

    private TestTokens() {
    }

    public static String forUser(String userId) {
        return ISSUER.issue(userId, userId, Set.of(Role.CANDIDATE), Duration.ofHours(1), Instant.now()).token();
    }

    /** A token with the operator role (health details). */
    public static String operator(String userId) {
        return ISSUER.issue(userId, userId, Set.of(Role.CANDIDATE, Role.OPERATOR), Duration.ofHours(1), Instant.now())
                .token();
    }

    public static String expired(String userId) {
        return ISSUER.issue(userId, userId, Set.of(Role.CANDIDATE), Duration.ofMinutes(5),
                Instant.now().minus(Duration.ofHours(1))).token();
    }

    public static String signedWithAnotherKey(String userId) {
        return STRANGER.issue(userId, userId, Set.of(Role.CANDIDATE), Duration.ofHours(1), Instant.now()).token();
    }
}
