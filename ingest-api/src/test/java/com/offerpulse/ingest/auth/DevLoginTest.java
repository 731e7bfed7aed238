package com.offerpulse.ingest.auth;

import static com.offerpulse.testsupport.web.Problems.expectProblem;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import com.offerpulse.contracts.auth.TokenIssuer;
import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.ingest.support.IngestWebTestBase;

/** Dev-login: absent unless set explicitly; when set, candidate tokens only, whatever the body asks for. */
class DevLoginTest {

    @Nested
    class WhenNotSet extends IngestWebTestBase {
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
        void shouldIssueACandidateTokenTheServiceAcceptsAndNeverARoleTheCallerAsksFor() {
            byte[] body = web.post().uri("/api/auth/dev-login").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"username\":\"ada\",\"roles\":[\"analyst\",\"operator\"]}").exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.user_id").isEqualTo(TokenIssuer.userIdFor("ada"))
                    .jsonPath("$.expires_at").isNotEmpty()
                    .jsonPath("$.token").isNotEmpty()
                    .returnResult().getResponseBody();
            String token = JsonCodec.mapper().readTree(body).get("token").asString();
            web.post().uri("/api/sessions").contentType(MediaType.APPLICATION_JSON)
                    .headers(h -> h.setBearerAuth(token)).bodyValue("{\"question\":\"q\"}")
                    .exchange().expectStatus().isCreated();
            // Operator-only health details stay hidden: the roles in the body were not honoured.
            web.get().uri("/actuator/health").headers(h -> h.setBearerAuth(token)).exchange()
                    .expectBody().jsonPath("$.components").doesNotExist();
        }

        @Test
        void shouldRejectABadUsername() {
            expectProblem(web.post().uri("/api/auth/dev-login").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"username\":\"\"}").exchange(), 400).jsonPath("$.field").isEqualTo("username");
        }
    }
}
