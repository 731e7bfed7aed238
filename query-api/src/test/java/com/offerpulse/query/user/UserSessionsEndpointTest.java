package com.offerpulse.query.user;

import static com.offerpulse.testsupport.web.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.query.support.QueryWebTestBase;
import com.offerpulse.query.support.Samples;
import com.offerpulse.query.views.QueryTopology;
import com.offerpulse.query.views.UserRoundList;

import tools.jackson.databind.JsonNode;

class UserSessionsEndpointTest extends QueryWebTestBase {

    private void fiveRounds() {
        UserRoundList list = new UserRoundList(ALICE, List.of(), List.of());
        Double before = null;
        for (int i = 1; i <= 5; i++) {
            double after = 0.4 + i * 0.02;
            list = UserRoundListAccess.with(list, Samples.summary("s" + i, ALICE, Samples.T0.plusSeconds(i * 3600L),
                    before, after));
            before = after;
        }
        views.put(QueryTopology.USER_ROUNDS_STORE, ALICE, list);
    }

    private JsonNode page(String query) {
        return JsonCodec.mapper().readTree(get("/api/user/sessions" + query, ALICE).expectStatus().isOk()
                .expectBody().returnResult().getResponseBody());
    }

    @Test
    void shouldListRoundsNewestFirstAndPageThroughThemWithACursor() {
        fiveRounds();
        List<String> seen = new ArrayList<>();
        JsonNode p = page("?limit=2");
        p.get("sessions").forEach(s -> seen.add(s.get("session_id").asString()));
        while (!p.get("next_cursor").isNull()) {
            p = page("?limit=2&cursor=" + p.get("next_cursor").asString());
            p.get("sessions").forEach(s -> seen.add(s.get("session_id").asString()));
        }
        assertThat(seen).containsExactly("s5", "s4", "s3", "s2", "s1");
    }

    @Test
    void shouldCarryScoreProbabilityAndChangeForTheTrendChart() {
        fiveRounds();
        JsonNode first = page("").get("sessions").get(0);
        assertThat(first.get("session_score").asDouble()).isEqualTo(58.5);
        assertThat(first.get("offer_probability_after").asDouble()).isEqualTo(0.5);
        assertThat(first.get("offer_probability_change").asDouble()).isEqualTo(0.02);
        assertThat(first.get("final_meters").get("credibility").asInt()).isEqualTo(70);
        JsonNode oldest = page("?limit=100").get("sessions").get(4);
        assertThat(oldest.get("offer_probability_change").isNull()).isTrue();
    }

    @Test
    void shouldAnswerAnEmptyListForAUserWithoutRounds() {
        JsonNode p = page("");
        assertThat(p.get("sessions").size()).isZero();
        assertThat(p.get("next_cursor").isNull()).isTrue();
    }

    @Test
    void shouldRejectABadLimitOrCursor() {
        expectProblem(get("/api/user/sessions?limit=0", ALICE), 400).jsonPath("$.field").isEqualTo("limit");
        expectProblem(get("/api/user/sessions?limit=101", ALICE), 400).jsonPath("$.field").isEqualTo("limit");
        expectProblem(get("/api/user/sessions?cursor=not-a-cursor", ALICE), 400).jsonPath("$.field")
                .isEqualTo("cursor");
        expectProblem(get("/api/user/sessions?limit=abc", ALICE), 400);
    }

    @Test
    void shouldAnswer401WithoutAToken() {
        expectProblem(get("/api/user/sessions", null), 401);
    }
}
