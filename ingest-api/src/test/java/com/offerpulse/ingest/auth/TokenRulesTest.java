package com.offerpulse.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.offerpulse.ingest.support.IngestWebTestBase;
import com.offerpulse.testsupport.auth.TestTokens;
import com.offerpulse.testsupport.web.SocketHandshakes;

/**
 * One verification path: a token with the wrong issuer or audience, no expiry, an expiry in the past, a
 * not-before in the future or another key is refused on HTTP and on the ingest socket's handshake; security
 * headers on every answer; a socket from another site's page is refused.
 */
class TokenRulesTest extends IngestWebTestBase {
    @LocalServerPort
    int port;

    private static final Map<String, String> BAD = Map.of(
            "wrong issuer", TestTokens.wrongIssuer(ALICE),
            "wrong audience", TestTokens.wrongAudience(ALICE),
            "no exp", TestTokens.withoutExpiry(ALICE),
            "expired", TestTokens.expired(ALICE),
            "not yet valid", TestTokens.notYetValid(ALICE),
            "unknown key", TestTokens.signedWithAnotherKey(ALICE));

    private WebTestClient.ResponseSpec handshake(String round, String token, String origin) {
        return SocketHandshakes.handshake(web, "/ws/ingest/" + round, token, origin);
    }

    @Test
    void shouldRefuseEveryBadTokenOnHttpAndOnTheSocket() {
        String round = openRound(ALICE);
        BAD.forEach((why, token) -> {
            web.post().uri("/api/sessions").contentType(MediaType.APPLICATION_JSON)
                    .headers(h -> h.setBearerAuth(token)).bodyValue("{\"question\":\"q\"}").exchange()
                    .expectStatus().value(s -> assertThat(s).as(why).isEqualTo(401));
            handshake(round, token, null).expectStatus().value(s -> assertThat(s).as(why + " (socket)").isEqualTo(401));
        });
        web.post().uri("/api/sessions").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBearerAuth(TestTokens.forUser(ALICE))).bodyValue("{\"question\":\"q\"}").exchange()
                .expectStatus().isCreated();
    }

    @Test
    void shouldRefuseASocketOpenedByAnotherSitesPage() {
        String round = openRound(ALICE);
        handshake(round, TestTokens.forUser(ALICE), "https://evil.example").expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith("application/problem+json");
        handshake("s_missing", TestTokens.forUser(ALICE), "http://localhost:" + port).expectStatus()
                .isNotFound();
    }

    @Test
    void shouldSendSecurityHeadersOnEveryAnswer() {
        web.get().uri("/actuator/health").exchange()
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe"))
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().valueEquals("X-Frame-Options", "DENY");
    }

    @Test
    void shouldPublishNoKeysWhenSigningWithTheTestSecret() {
        web.get().uri("/oauth2/jwks").exchange().expectStatus().isOk().expectBody().jsonPath("$.keys").isEmpty();
    }
}
