package com.offerpulse.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.offerpulse.contracts.auth.Role;
import com.offerpulse.contracts.auth.TokenIssuer;
import com.sun.net.httpserver.HttpServer;

/**
 * A second, independent token issuer standing in for a production provider: its own key pair, its JWKS served over
 * HTTP, its issuer URI. The service, configured with that JWKS, issuer and audience, accepts its good tokens and
 * refuses every other kind: wrong issuer, wrong audience, no exp, expired, unknown key, not yet valid. The roles
 * claim is configurable and only known roles count.
 */
class IndependentProviderTest {
    private static final String ISSUER = "https://idp.example/realms/offerpulse";
    private static final String AUDIENCE = "offerpulse-api";

    private HttpServer server;
    private ECKey providerKey;
    private ReactiveJwtDecoder decoder;
    private TokenIssuer provider;

    @BeforeEach
    void startProvider() throws IOException {
        providerKey = SigningKeyFile.generate();
        byte[] jwks = new JWKSet(providerKey.toPublicJWK()).toString(true).getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        server.start();
        JwtSettings keys = new JwtSettings(null, URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks"),
                null, Duration.ofHours(1), Duration.ofDays(1), false);
        TokenRulesSettings rules = new TokenRulesSettings(null, ISSUER, AUDIENCE, "realm_access.roles",
                Duration.ofSeconds(30));
        decoder = TokenVerification.decoder(keys, rules, Optional.empty());
        provider = new TokenIssuer(providerKey, ISSUER, AUDIENCE);
    }

    @AfterEach
    void stopProvider() {
        server.stop(0);
    }

    private boolean accepted(String token) {
        return decoder.decode(token).map(jwt -> true).onErrorReturn(false).block(Duration.ofSeconds(10));
    }

    private JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(List.of(AUDIENCE)).subject("u_1")
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600)));
    }

    @Test
    void shouldAcceptTheProvidersTokenAndRefuseEveryWrongOne() {
        assertThat(accepted(provider.sign(claims().build()))).isTrue();
        assertThat(accepted(provider.sign(claims().issuer("https://other.example").build()))).as("issuer").isFalse();
        assertThat(accepted(provider.sign(claims().audience("another-api").build()))).as("audience").isFalse();
        assertThat(accepted(provider.sign(claims().expirationTime(null).build()))).as("no exp").isFalse();
        assertThat(accepted(provider.sign(claims().expirationTime(Date.from(Instant.now().minusSeconds(120)))
                .build()))).as("expired beyond the skew").isFalse();
        assertThat(accepted(provider.sign(claims().notBeforeTime(Date.from(Instant.now().plusSeconds(600)))
                .build()))).as("not yet valid").isFalse();
        TokenIssuer stranger = new TokenIssuer(SigningKeyFile.generate(), ISSUER, AUDIENCE);
        assertThat(accepted(stranger.sign(claims().build()))).as("unknown key").isFalse();
        ECKey sameKidOtherKey = new ECKey.Builder(SigningKeyFile.generate()).keyID(providerKey.getKeyID()).build();
        assertThat(accepted(new TokenIssuer(sameKidOtherKey, ISSUER, AUDIENCE).sign(claims().build())))
                .as("known key id, other key").isFalse();
    }

    @Test
    void shouldReadRolesFromTheConfiguredClaimAndOnlyKnownRoles() {
        String token = provider.sign(claims().claim("realm_access", Map.of("roles", List.of("analyst", "admin")))
                .claim("roles", List.of("operator")).build());
        Jwt jwt = decoder.decode(token).block(Duration.ofSeconds(10));
        var auth = new PlatformSecurityConfiguration.RolesConverter("realm_access.roles").convert(jwt)
                .block(Duration.ofSeconds(1));
        var user = CurrentUser.from(auth);
        assertThat(user.roles()).isEqualTo(Set.of(Role.CANDIDATE, Role.ANALYST));
    }
}
