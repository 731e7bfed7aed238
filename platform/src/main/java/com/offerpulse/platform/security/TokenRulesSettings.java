package com.offerpulse.platform.security;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.offerpulse.contracts.auth.TokenClaims;

/**
 * What every bearer token must say ({@code offerpulse.auth.*}), the same on HTTP and on both WebSocket handshakes.
 *
 * @param issuerUri  an external OpenID Connect provider (Keycloak realm, Auth0 tenant, Entra ID, Google): its
 *                   discovery document gives the JWKS, and {@code iss} must equal this URI. Unset on the embedded
 *                   default.
 * @param issuer     the {@code iss} tokens must carry when no issuer URI is set. Default
 *                   {@value TokenClaims#ISSUER}
 * @param audience   a value {@code aud} must contain. Default {@value TokenClaims#AUDIENCE}; in production the API's
 *                   audience (or client id) registered at the provider
 * @param rolesClaim the claim roles are read from (a list of strings, or one string); default
 *                   {@value TokenClaims#ROLES}. For Keycloak realm roles e.g. {@code realm_access.roles} (a dotted
 *                   path into nested objects).
 * @param clockSkew  tolerance on {@code exp} and {@code nbf} for clocks that disagree. Default 30 s
 */
@ConfigurationProperties("offerpulse.auth")
public record TokenRulesSettings(URI issuerUri, @DefaultValue(TokenClaims.ISSUER) String issuer,
        @DefaultValue(TokenClaims.AUDIENCE) String audience, @DefaultValue(TokenClaims.ROLES) String rolesClaim,
        @DefaultValue("30s") Duration clockSkew) {

    /** The {@code iss} value a token must carry. */
    public String expectedIssuer() {
        return issuerUri != null ? issuerUri.toString() : issuer;
    }
}
