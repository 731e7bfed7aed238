package com.offerpulse.platform.security;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where a service's token keys come from ({@code offerpulse.jwt.*}); what a token must say is
 * {@link TokenRulesSettings}. One of, in this order of precedence for verification:
 *
 * <ul>
 * <li>{@code offerpulse.auth.issuer-uri} (see {@link TokenRulesSettings}): an external OpenID Connect provider</li>
 * <li>{@code jwk-set-uri} ({@code OFFERPULSE_JWT_JWKSETURI}): another issuer's JWKS (e.g. the launcher's
 * {@code /oauth2/jwks})</li>
 * <li>{@code signing-key-file} ({@code OFFERPULSE_JWT_SIGNINGKEYFILE}): a private EC key (JWK JSON, 0600, owned by
 * this user); the service signs ES256 tokens with a key id and verifies them with the public half, published at
 * {@code /oauth2/jwks}. The launcher generates one under its data directory.</li>
 * <li>{@code secret} ({@code OFFERPULSE_JWT_SECRET}): an HS256 shared secret, the documented test path (slice tests,
 * the multi-process cluster scripts); never for a deployment anybody else can reach.</li>
 * </ul>
 *
 * @param tokenTtl      lifetime of tokens this service signs (dev-login)
 * @param guestTokenTtl lifetime of a guest token; a guest who loses it loses their rounds, so it is long
 * @param devLogin      {@code POST /api/auth/dev-login} (sign in by name, no password): off unless set explicitly,
 *                      and then it answers only to loopback clients
 */
@ConfigurationProperties("offerpulse.jwt")
public record JwtSettings(String secret, URI jwkSetUri, Path signingKeyFile, @DefaultValue("12h") Duration tokenTtl,
        @DefaultValue("30d") Duration guestTokenTtl, @DefaultValue("false") boolean devLogin) {

    public boolean hasSecret() {
        return secret != null && !secret.isBlank();
    }
}
