package com.offerpulse.ingest.sessions;

import static com.offerpulse.testsupport.web.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import com.offerpulse.contracts.growth.ProductEvent;
import com.offerpulse.contracts.growth.ProductEventName;
import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.contracts.session.EndReason;
import com.offerpulse.contracts.session.SessionEnded;
import com.offerpulse.contracts.session.SessionLifecycleEvent;
import com.offerpulse.contracts.session.SessionStarted;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.ingest.support.IngestWebTestBase;
import com.offerpulse.testsupport.auth.TestTokens;
import com.offerpulse.platform.kafka.OutboundRecord;

class SessionCommandControllerTest extends IngestWebTestBase {

    @Test
    void shouldStartARoundAndWriteSessionStartedWithItsProductEventInOneTransaction() {
        byte[] body = post("/api/sessions", ALICE)
                .bodyValue("{\"question\":\"Tell me about a time you disagreed with your manager.\","
                        + "\"target_role\":\"backend engineer\"}")
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches(HttpHeaders.LOCATION, "/api/sessions/s_[0-9a-f]{32}")
                .expectBody().jsonPath("$.session_id").isNotEmpty().returnResult().getResponseBody();
        String sessionId = JsonCodec.mapper().readTree(body).get("session_id").asString();

        assertThat(writer.committed).hasSize(1);
        List<OutboundRecord> tx = writer.committed.get(0);
        assertThat(tx).extracting(OutboundRecord::topic)
                .containsExactly(Topics.SESSION_LIFECYCLE.name(), Topics.PRODUCT_EVENTS.name());
        assertThat(tx.get(0).key()).isEqualTo(sessionId);
        SessionStarted started = (SessionStarted) JsonCodec.decode(tx.get(0).value(), SessionLifecycleEvent.class);
        assertThat(started.userId()).isEqualTo(ALICE);
        assertThat(started.targetRole()).isEqualTo("backend engineer");
        ProductEvent event = JsonCodec.decode(tx.get(1).value(), ProductEvent.class);
        assertThat(event.name()).isEqualTo(ProductEventName.SESSION_STARTED);
        assertThat(tx.get(1).key()).isEqualTo(ALICE);
    }

    @Test
    void shouldDefaultTheTargetRoleWhenOmitted() {
        post("/api/sessions", ALICE).bodyValue("{\"question\":\"Why this team?\"}").exchange().expectStatus().isCreated();
        SessionStarted started = (SessionStarted) JsonCodec.decode(writer.all().get(0).value(),
                SessionLifecycleEvent.class);
        assertThat(started.targetRole()).isEqualTo("general");
    }

    @Test
    void shouldRejectAStartWithoutAQuestionNamingTheField() {
        expectProblem(post("/api/sessions", ALICE).bodyValue("{\"target_role\":\"pm\"}").exchange(), 400)
                .jsonPath("$.field").isEqualTo("question");
        assertThat(writer.committed).isEmpty();
    }

    @Test
    void shouldRejectMalformedJson() {
        expectProblem(post("/api/sessions", ALICE).bodyValue("{\"question\": ").exchange(), 400)
                .jsonPath("$.detail").value(d -> assertThat((String) d).contains("not valid JSON"));
    }

    @Test
    void shouldAnswer401WithoutAToken() {
        expectProblem(post("/api/sessions", null).bodyValue("{\"question\":\"q\"}").exchange(), 401)
                .jsonPath("$.detail").isEqualTo("A bearer token is required.");
        assertThat(writer.committed).isEmpty();
    }

    @Test
    void shouldAnswer401ForATokenSignedWithAnotherKey() {
        expectProblem(web.post().uri("/api/sessions")
                .headers(h -> h.setBearerAuth(TestTokens.signedWithAnotherKey(ALICE)))
                .bodyValue("{\"question\":\"q\"}").exchange(), 401)
                .jsonPath("$.detail").isEqualTo("The bearer token is invalid.");
    }

    @Test
    void shouldAnswer401ForAnExpiredToken() {
        expectProblem(web.post().uri("/api/sessions")
                .headers(h -> h.setBearerAuth(TestTokens.expired(ALICE)))
                .bodyValue("{\"question\":\"q\"}").exchange(), 401)
                .jsonPath("$.detail").isEqualTo("The bearer token has expired; sign in again.");
    }

    @Test
    void shouldAnswer503WithRetryAfterWhenKafkaDoesNotAcknowledge() {
        writer.brokerDown(true);
        expectProblem(post("/api/sessions", ALICE).bodyValue("{\"question\":\"q\"}").exchange()
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5"), 503)
                .jsonPath("$.retry_after_seconds").isEqualTo(5);
    }

    @Test
    void shouldEndAnOpenRound() {
        String id = openRound(ALICE);
        post("/api/sessions/" + id + "/end", ALICE).exchange()
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.session_id").isEqualTo(id).jsonPath("$.status").isEqualTo("ended");
        SessionEnded ended = (SessionEnded) JsonCodec.decode(writer.all().get(0).value(), SessionLifecycleEvent.class);
        assertThat(ended.reason()).isEqualTo(EndReason.CLIENT);
        assertThat(writer.all().get(0).key()).isEqualTo(id);
    }

    @Test
    void shouldAnswer409WhenEndingTwice() {
        String id = openRound(ALICE);
        post("/api/sessions/" + id + "/end", ALICE).exchange().expectStatus().isAccepted();
        expectProblem(post("/api/sessions/" + id + "/end", ALICE).exchange(), 409);
        assertThat(writer.committed).hasSize(1);
    }

    @Test
    void shouldAnswer403ForSomeoneElsesRound() {
        String id = openRound(BOB);
        expectProblem(post("/api/sessions/" + id + "/end", ALICE).exchange(), 403);
        assertThat(writer.committed).isEmpty();
    }

    @Test
    void shouldDeleteAnEndedRoundOnceAndRefuseOthersAndUnknownOnes() {
        String id = endedRound(ALICE);
        web.delete().uri("/api/sessions/" + id).headers(h -> h.setBearerAuth(TestTokens.forUser(ALICE))).exchange()
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.status").isEqualTo("deleted");
        assertThat(JsonCodec.decode(writer.all().get(0).value(), SessionLifecycleEvent.class))
                .isInstanceOf(com.offerpulse.contracts.session.SessionDeleted.class);
        expectProblem(web.delete().uri("/api/sessions/" + id).headers(h -> h.setBearerAuth(TestTokens.forUser(ALICE)))
                .exchange(), 404);
        expectProblem(web.delete().uri("/api/sessions/" + openRound(BOB))
                .headers(h -> h.setBearerAuth(TestTokens.forUser(ALICE))).exchange(), 403);
        expectProblem(web.delete().uri("/api/sessions/" + id).exchange(), 401);
        assertThat(writer.committed).hasSize(1);
    }

    @Test
    void shouldAnswer404ForAnUnknownRound() {
        expectProblem(post("/api/sessions/s_nope/end", ALICE).exchange(), 404);
        expectProblem(post("/api/sessions/" + "s".repeat(65) + "/end", ALICE).exchange(), 404);
    }
}
