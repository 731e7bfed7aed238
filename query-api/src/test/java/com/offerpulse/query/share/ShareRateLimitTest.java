package com.offerpulse.query.share;

import static com.offerpulse.testsupport.web.Problems.expectProblem;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.offerpulse.query.support.QueryWebTestBase;

/** Its own context (a burst of 3, slow refill), so no other test shares the client's bucket. */
@TestPropertySource(properties = {"offerpulse.share.views-burst=3", "offerpulse.share.views-per-second=0.05"})
class ShareRateLimitTest extends QueryWebTestBase {

    @Test
    void shouldAnswer429WithRetryAfterPastTheBurstOfPublicViews() {
        WebTestClient client = web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        for (int i = 0; i < 3; i++) {
            expectProblem(client.get().uri("/api/share/" + ShareTokens.generate()).exchange(), 404);
        }
        expectProblem(client.get().uri("/api/share/" + ShareTokens.generate()).exchange()
                .expectHeader().exists(HttpHeaders.RETRY_AFTER), 429);
    }
}
