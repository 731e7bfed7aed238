package com.offerpulse.ingest;

import static com.offerpulse.testsupport.web.Problems.expectProblem;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import com.offerpulse.contracts.auth.TokenIssuer;
import com.offerpulse.ingest.support.IngestWebTestBase;

class DevLoginTest {

    @Nested
    class WhenOff extends IngestWebTestBase {
        @Test
        void shouldNotExist() {
            expectProblem(web.post().uri("/api/auth/dev-login").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"username\":\"ada\"}").exchange(), 404);
        }
    }

    @Nested
    @TestPropertySource(properties = "offerpulse.jwt.dev-login=true")
    class WhenOn extends IngestWebTestBase {
        @Test
        void shouldIssueATokenTheServiceAccepts() {
            byte[] body = web.post().uri("/api/auth/dev-login").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"username\":\"ada\"}").exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.user_id").isEqualTo(TokenIssuer.userIdFor("ada"))
                    .jsonPath("$.expires_at").isNotEmpty()
                    .jsonPath("$.token").isNotEmpty()
                    .returnResult().getResponseBody();
            String token = com.offerpulse.contracts.json.JsonCodec.mapper().readTree(body).get("token").asString();
            web.post().uri("/api/sessions").contentType(MediaType.APPLICATION_JSON)
                    .headers(h -> h.setBearerAuth(token)).bodyValue("{\"question\":\"q\"}")
                    .exchange().expectStatus().isCreated();
        }

        @Test
        void shouldRejectABadUsername() {
            expectProblem(web.post().uri("/api/auth/dev-login").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"username\":\"\"}").exchange(), 400).jsonPath("$.field").isEqualTo("username");
        }
    }
}
