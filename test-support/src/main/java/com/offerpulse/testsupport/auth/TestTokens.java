package com.offerpulse.testsupport.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jwt.JWTClaimsSet;
import com.offerpulse.contracts.auth.HmacSecret;
import com.offerpulse.contracts.auth.Role;
import com.offerpulse.contracts.auth.TokenClaims;
import com.offerpulse.contracts.auth.TokenIssuer;

/**
 * Tokens signed with the HS256 secret slice tests configure (the documented test path; deployments verify by JWKS),
 * carrying the default issuer and audience, plus the ways a token can be wrong.
 */
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

    /** A token with the analyst role (KPI endpoints), as the provider or the operator command would grant it. */
    public static String analyst(String userId) {
        return ISSUER.issue(userId, userId, Set.of(Role.CANDIDATE, Role.ANALYST), Duration.ofHours(1), Instant.now())
                .token();
    }

    public static String expired(String userId) {
        return ISSUER.issue(userId, userId, Set.of(Role.CANDIDATE), Duration.ofMinutes(5),
                Instant.now().minus(Duration.ofHours(1))).token();
    }

    public static String signedWithAnotherKey(String userId) {
        return STRANGER.issue(userId, userId, Set.of(Role.CANDIDATE), Duration.ofHours(1), Instant.now()).token();
    }

    /** Right key and audience, another issuer. */
    public static String wrongIssuer(String userId) {
        return new TokenIssuer(HmacSecret.parse(SECRET), "https://elsewhere.example", TokenClaims.AUDIENCE)
                .issue(userId, userId, Set.of(Role.CANDIDATE), Duration.ofHours(1), Instant.now()).token();
    }

    /** Right key and issuer, meant for another API. */
    public static String wrongAudience(String userId) {
        return new TokenIssuer(HmacSecret.parse(SECRET), TokenClaims.ISSUER, "another-api")
                .issue(userId, userId, Set.of(Role.CANDIDATE), Duration.ofHours(1), Instant.now()).token();
    }

    /** Right key, issuer and audience, but no {@code exp}: it would never expire. */
    public static String withoutExpiry(String userId) {
        return ISSUER.sign(claims(userId).build());
    }

    /** Not valid before an hour from now. */
    public static String notYetValid(String userId) {
        return ISSUER.sign(claims(userId).notBeforeTime(Date.from(Instant.now().plus(Duration.ofHours(1))))
                .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(2)))).build());
    }

    private static JWTClaimsSet.Builder claims(String userId) {
        return new JWTClaimsSet.Builder().issuer(TokenClaims.ISSUER).audience(List.of(TokenClaims.AUDIENCE))
                .subject(userId).claim(TokenClaims.ROLES, List.of("candidate")).issueTime(new Date())
                .jwtID(UUID.randomUUID().toString());
    }
}
