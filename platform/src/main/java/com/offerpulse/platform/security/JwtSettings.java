package com.offerpulse.platform.security;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How bearer tokens are verified and issued. Environment: {@code OFFERPULSE_JWT_SECRET} (HS256 shared secret,
 * plain or {@code base64:...}, at least 32 bytes), or {@code OFFERPULSE_JWT_JWKSETURI} (an issuer's JWKS).
 * {@code OFFERPULSE_JWT_DEVLOGIN=true} turns on {@code POST /api/auth/dev-login}; only the embedded default does.
 */
@ConfigurationProperties("offerpulse.jwt")
public record JwtSettings(String secret, URI jwkSetUri, @DefaultValue("12h") Duration tokenTtl,
        @DefaultValue("false") boolean devLogin) {

    public boolean hasSecret() {
        return secret != null && !secret.isBlank();
    }
}
