package com.offerpulse.ingest.events;

import static com.offerpulse.testsupport.web.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import com.offerpulse.contracts.growth.ProductEvent;
import com.offerpulse.contracts.growth.ProductEventName;
import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.ingest.support.IngestWebTestBase;

class ProductEventControllerTest extends IngestWebTestBase {

    @Test
    void shouldAcceptAnAnonymousLandingViewKeyedByAnonymousId() {
        post("/api/events", null)
                .header("X-Test-Client", "a")
                .bodyValue("{\"name\":\"landing_view\",\"anonymous_id\":\"anon-1\",\"properties\":{\"variant\":\"b\"}}")
                .exchange().expectStatus().isAccepted().expectBody().jsonPath("$.accepted").isEqualTo(1);
        assertThat(writer.all().get(0).key()).isEqualTo("anon-1");
        ProductEvent event = JsonCodec.decode(writer.all().get(0).value(), ProductEvent.class);
        assertThat(event.name()).isEqualTo(ProductEventName.LANDING_VIEW);
        assertThat(event.properties()).containsEntry("variant", "b");
    }

    @Test
    void shouldKeySignedInEventsByUser() {
        post("/api/events", ALICE).bodyValue("{\"name\":\"first_meter_seen\",\"session_id\":\"s_1\"}")
                .exchange().expectStatus().isAccepted();
        assertThat(writer.all().get(0).key()).isEqualTo(ALICE);
    }

    @Test
    void shouldRequireAnAnonymousIdFromAnonymousClients() {
        expectProblem(post("/api/events", null).bodyValue("{\"name\":\"cta_click\"}").exchange(), 400)
                .jsonPath("$.field").isEqualTo("anonymous_id");
    }

    @Test
    void shouldRefuseServerSideAndUnknownEventNames() {
        expectProblem(post("/api/events", ALICE).bodyValue("{\"name\":\"session_completed\"}").exchange(), 400)
                .jsonPath("$.field").isEqualTo("name");
        expectProblem(post("/api/events", ALICE).bodyValue("{\"name\":\"made_up\"}").exchange(), 400)
                .jsonPath("$.field").isEqualTo("name");
        assertThat(writer.committed).isEmpty();
    }

    @Test
    void shouldAnswer429WithRetryAfterPastTheBurst() {
        // The test profile allows a burst of 3 per client at 1/s; this user is used by no other test.
        for (int i = 0; i < 3; i++) {
            post("/api/events", "u_flooder").bodyValue("{\"name\":\"cta_click\"}").exchange()
                    .expectStatus().isAccepted();
        }
        expectProblem(post("/api/events", "u_flooder").bodyValue("{\"name\":\"cta_click\"}").exchange()
                .expectHeader().exists(HttpHeaders.RETRY_AFTER), 429);
        assertThat(writer.committed).hasSize(3);
    }
}
