package com.offerpulse.contracts.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.crypto.SecretKey;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Signs OfferPulse bearer tokens: ES256 with a key id (the embedded default's key pair, published as a JWKS) or
 * HS256 (the documented test path). Every token carries {@code iss}, {@code aud}, {@code iat}, {@code nbf} and
 * {@code exp}; verification lives with each service's security chain.
 */
public final class TokenIssuer {
    private final JWSSigner signer;
    private final JWSHeader header;
    private final String issuer;
    private final String audience;

    /** HS256 with the default issuer and audience (tests, tools). */
    public TokenIssuer(SecretKey key) {
        this(key, TokenClaims.ISSUER, TokenClaims.AUDIENCE);
    }

    public TokenIssuer(SecretKey key, String issuer, String audience) {
        try {
            this.signer = new MACSigner(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("Unusable JWT secret: " + e.getMessage(), e);
        }
        this.header = new JWSHeader(JWSAlgorithm.HS256);
        this.issuer = issuer;
        this.audience = audience;
    }

    /** ES256 signed with a private EC key; its key id goes into every header so verifiers pick the right key. */
    public TokenIssuer(ECKey key, String issuer, String audience) {
        if (!key.isPrivate() || key.getKeyID() == null) {
            throw new IllegalArgumentException("An ES256 signing key needs its private part and a key id");
        }
        try {
            this.signer = new ECDSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("Unusable EC signing key: " + e.getMessage(), e);
        }
        this.header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build();
        this.issuer = issuer;
        this.audience = audience;
    }

    public IssuedToken issue(String userId, String username, Set<Role> roles, Duration ttl, Instant now) {
        Instant expiresAt = now.plus(ttl);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(userId)
                .claim(TokenClaims.USERNAME, username)
                .claim(TokenClaims.ROLES, claimValues(roles))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .build();
        return new IssuedToken(sign(claims), userId, expiresAt);
    }

    /** Signs arbitrary claims with this issuer's key (tests build malformed tokens with it). */
    public String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign token", e);
        }
        return jwt.serialize();
    }

    /**
     * A stable user id for a username (dev-login only, which is off by default and loopback-only: anyone who knows
     * a name gets its rounds).
     */
    public static String userIdFor(String username) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(username.trim().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "u_" + HexFormat.of().formatHex(digest, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> claimValues(Set<Role> roles) {
        return roles.stream().map(Role::claimValue).sorted().toList();
    }
}
