package com.offerpulse.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jose.jwk.ECKey;
import com.offerpulse.contracts.auth.HmacSecret;
import com.offerpulse.contracts.auth.IssuedToken;
import com.offerpulse.contracts.auth.Role;
import com.offerpulse.contracts.auth.TokenIssuer;

/**
 * Signs the tokens this service hands out itself (guest sign-in, dev-login), with the same key, issuer and audience
 * the verifier expects. Absent when tokens come from an external provider only.
 */
public final class TokenMint {
    private final TokenIssuer issuer;
    private final Clock clock;

    TokenMint(TokenIssuer issuer, Clock clock) {
        this.issuer = issuer;
        this.clock = clock;
    }

    static Optional<TokenMint> from(JwtSettings keys, TokenRulesSettings rules, Optional<ECKey> signingKey,
            Clock clock) {
        if (rules.issuerUri() != null || keys.jwkSetUri() != null) {
            return Optional.empty();
        }
        if (signingKey.isPresent()) {
            return Optional.of(new TokenMint(new TokenIssuer(signingKey.get(), rules.issuer(), rules.audience()), clock));
        }
        if (keys.hasSecret()) {
            return Optional.of(new TokenMint(new TokenIssuer(HmacSecret.parse(keys.secret()), rules.issuer(),
                    rules.audience()), clock));
        }
        return Optional.empty();
    }

    public IssuedToken issue(String userId, String username, Set<Role> roles, Duration ttl) {
        return issuer.issue(userId, username, roles, ttl, clock.instant());
    }
}
