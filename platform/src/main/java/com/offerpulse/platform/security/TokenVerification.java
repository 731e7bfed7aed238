package com.offerpulse.platform.security;

import java.util.List;
import java.util.Optional;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.offerpulse.contracts.auth.HmacSecret;

import reactor.core.publisher.Flux;

/**
 * The one way a service verifies a bearer token, whatever signed it: signature (by key id from a JWKS, or the
 * documented HS256 test secret), then {@code iss}, {@code aud}, {@code exp} (required) and {@code nbf} (if present)
 * with a small clock skew. The same decoder serves HTTP and both WebSocket handshakes.
 */
public final class TokenVerification {
    private TokenVerification() {
    }

    public static ReactiveJwtDecoder decoder(JwtSettings keys, TokenRulesSettings rules, Optional<ECKey> signingKey) {
        NimbusReactiveJwtDecoder decoder;
        if (rules.issuerUri() != null) {
            // Discovery is lazy: the service starts even if the provider is briefly unreachable.
            decoder = NimbusReactiveJwtDecoder.withIssuerLocation(rules.issuerUri().toString()).build();
        } else if (keys.jwkSetUri() != null) {
            decoder = NimbusReactiveJwtDecoder.withJwkSetUri(keys.jwkSetUri().toString())
                    .jwsAlgorithm(SignatureAlgorithm.ES256).jwsAlgorithm(SignatureAlgorithm.RS256).build();
        } else if (signingKey.isPresent()) {
            JWKSet published = new JWKSet(signingKey.get().toPublicJWK());
            // The header's kid (and alg) pick the key; a token signed by an unknown key finds none and is refused.
            decoder = NimbusReactiveJwtDecoder
                    .withJwkSource(jwt -> Flux.fromIterable(
                            new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader())).select(published)))
                    .jwsAlgorithm(SignatureAlgorithm.ES256).build();
        } else if (keys.hasSecret()) {
            decoder = NimbusReactiveJwtDecoder.withSecretKey(HmacSecret.parse(keys.secret()))
                    .macAlgorithm(MacAlgorithm.HS256).build();
        } else {
            throw new IllegalStateException("No way to verify tokens: set offerpulse.auth.issuer-uri (an OpenID "
                    + "Connect provider), OFFERPULSE_JWT_JWKSETURI (a JWKS URL), OFFERPULSE_JWT_SIGNINGKEYFILE (an EC "
                    + "key file) or, for tests only, OFFERPULSE_JWT_SECRET (HS256, at least 32 bytes).");
        }
        decoder.setJwtValidator(validator(rules));
        return decoder;
    }

    /** Issuer, audience, required expiry and optional not-before, with the configured skew. */
    public static OAuth2TokenValidator<Jwt> validator(TokenRulesSettings rules) {
        JwtTimestampValidator time = new JwtTimestampValidator(rules.clockSkew());
        time.setAllowEmptyExpiryClaim(false);
        time.setAllowEmptyNotBeforeClaim(true);
        return new DelegatingOAuth2TokenValidator<>(List.of(time, new JwtIssuerValidator(rules.expectedIssuer()),
                new JwtAudienceValidator(rules.audience())));
    }
}
