package com.offerpulse.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import com.nimbusds.jwt.SignedJWT;
import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.ingest.support.IngestWebTestBase;

import tools.jackson.databind.JsonNode;

/** {@code POST /api/auth/guest}: a new unguessable identity each time, candidate only, usable at once. */
@TestPropertySource(properties = "offerpulse.auth.sign-ins-per-minute=100000")
class GuestSignInTest extends IngestWebTestBase {

    private JsonNode guest() {
        byte[] body = web.post().uri("/api/auth/guest").exchange().expectStatus().isCreated()
                .expectBody().returnResult().getResponseBody();
        return JsonCodec.mapper().readTree(body);
    }

    @Test
    void shouldGiveEachGuestANewRandomIdentityOf128Bits() throws Exception {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            JsonNode answer = guest();
            String id = answer.get("user_id").asString();
            assertThat(id).matches("g_[0-9a-f]{32}");
            assertThat(SignedJWT.parse(answer.get("token").asString()).getJWTClaimsSet().getSubject()).isEqualTo(id);
            ids.add(id);
        }
        assertThat(ids).hasSize(1000);
    }

    @Test
    void shouldIssueACandidateTokenWithIssuerAudienceAndExpiryThatStartsARound() throws Exception {
        JsonNode answer = guest();
        assertThat(answer.has("expires_at")).isTrue();
        var claims = SignedJWT.parse(answer.get("token").asString()).getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("offerpulse");
        assertThat(claims.getAudience()).containsExactly("offerpulse");
        assertThat(claims.getExpirationTime()).isNotNull();
        assertThat(claims.getStringListClaim("roles")).containsExactly("candidate");
        web.post().uri("/api/sessions").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBearerAuth(answer.get("token").asString())).bodyValue("{\"question\":\"q\"}")
                .exchange().expectStatus().isCreated();
    }

    @Test
    void shouldIgnoreRolesOrNamesInTheBody() throws Exception {
        byte[] body = web.post().uri("/api/auth/guest").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"ada\",\"user_id\":\"u_ada\",\"roles\":[\"analyst\"]}").exchange()
                .expectStatus().isCreated().expectBody().returnResult().getResponseBody();
        JsonNode answer = JsonCodec.mapper().readTree(body);
        assertThat(answer.get("user_id").asString()).startsWith("g_");
        var claims = SignedJWT.parse(answer.get("token").asString()).getJWTClaimsSet();
        assertThat(claims.getStringListClaim("roles")).containsExactly("candidate");
    }
}
