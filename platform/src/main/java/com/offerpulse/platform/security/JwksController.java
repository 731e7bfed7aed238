package com.offerpulse.platform.security;

import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.nimbusds.jose.jwk.JWKSet;

import reactor.core.publisher.Mono;

/**
 * {@code GET /oauth2/jwks}: the public half of this service's signing key, so other services (and anything else
 * that checks OfferPulse tokens) verify with {@code OFFERPULSE_JWT_JWKSETURI} instead of sharing a secret. An empty
 * key set where this service signs nothing with a key pair.
 */
@RestController
class JwksController {
    static final String PATH = "/oauth2/jwks";
    private final Map<String, Object> published;

    JwksController(LocalTokenKeys keys) {
        this.published = keys.signingKey().map(k -> new JWKSet(k.toPublicJWK()).toJSONObject(true))
                .orElseGet(() -> new JWKSet().toJSONObject(true));
    }

    @GetMapping(path = PATH, produces = "application/jwk-set+json")
    Mono<ResponseEntity<Map<String, Object>>> jwks() {
        return Mono.just(ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)))
                .body(published));
    }
}
