package com.offerpulse.query.user;

import static com.offerpulse.testsupport.web.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.query.support.QueryWebTestBase;
import com.offerpulse.query.support.Samples;
import com.offerpulse.query.views.QueryTopology;

import tools.jackson.databind.JsonNode;

class OfferProbabilityEndpointTest extends QueryWebTestBase {
    /** DESIGN.md: exactly these fields. */
    static final Set<String> FIELDS = Set.of("offer_probability", "confidence_band", "drivers_positive",
            "drivers_negative", "delta_vs_last_session", "what_to_fix_next", "sessions_count", "data_sufficiency",
            "updated_at");

    private JsonNode body(String userId) {
        return JsonCodec.mapper().readTree(get("/api/user/offer-probability", userId).expectStatus().isOk()
                .expectBody().returnResult().getResponseBody());
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.propertyNames().iterator();
        it.forEachRemaining(names::add);
        return names;
    }

    @Test
    void shouldAnswerExactlyTheDesignFieldsWithTheirTypes() {
        views.put(QueryTopology.OFFER_PROBABILITY_STORE, ALICE, Samples.view(ALICE, 0.57, 4));
        JsonNode json = body(ALICE);
        assertThat(names(json)).containsExactlyInAnyOrderElementsOf(FIELDS);
        assertThat(json.get("offer_probability").isNumber()).isTrue();
        assertThat(names(json.get("confidence_band"))).containsExactlyInAnyOrder("low", "high");
        assertThat(json.get("confidence_band").get("low").asDouble()).isLessThan(0.57);
        assertThat(json.get("drivers_positive").isArray()).isTrue();
        assertThat(names(json.get("drivers_negative").get(0))).containsExactlyInAnyOrder("meter", "contribution",
                "detail");
        assertThat(json.get("drivers_negative").get(0).get("contribution").asDouble()).isNegative();
        assertThat(json.get("delta_vs_last_session").isNumber()).isTrue();
        assertThat(json.get("what_to_fix_next").get(0).isString()).isTrue();
        assertThat(json.get("sessions_count").isInt()).isTrue();
        assertThat(json.get("data_sufficiency").asString()).isEqualTo("ok");
        assertThat(json.get("updated_at").isString()).isTrue();
    }

    @Test
    void shouldAnswerNoneWithNullsAndEmptyListsForAUserWithoutRounds() {
        JsonNode json = body("u_new");
        assertThat(names(json)).containsExactlyInAnyOrderElementsOf(FIELDS);
        assertThat(json.get("offer_probability").isNull()).isTrue();
        assertThat(json.get("confidence_band").isNull()).isTrue();
        assertThat(json.get("drivers_positive").size()).isZero();
        assertThat(json.get("drivers_negative").size()).isZero();
        assertThat(json.get("what_to_fix_next").size()).isZero();
        assertThat(json.get("sessions_count").asInt()).isZero();
        assertThat(json.get("data_sufficiency").asString()).isEqualTo("none");
    }

    @Test
    void shouldMarkOneOrTwoRoundsAsSparseWithAWideBand() {
        views.put(QueryTopology.OFFER_PROBABILITY_STORE, ALICE, Samples.view(ALICE, 0.5, 1));
        JsonNode json = body(ALICE);
        assertThat(json.get("data_sufficiency").asString()).isEqualTo("sparse");
        assertThat(json.get("delta_vs_last_session").isNull()).isTrue();
    }

    @Test
    void shouldAnswerIdenticallyWhileTheDataIsUnchanged() {
        views.put(QueryTopology.OFFER_PROBABILITY_STORE, ALICE, Samples.view(ALICE, 0.57, 4));
        byte[] first = get("/api/user/offer-probability", ALICE).expectBody().returnResult().getResponseBody();
        byte[] second = get("/api/user/offer-probability", ALICE).expectBody().returnResult().getResponseBody();
        assertThat(second).isEqualTo(first);
    }

    @Test
    void shouldOnlyEverShowTheCallersOwnView() {
        views.put(QueryTopology.OFFER_PROBABILITY_STORE, BOB, Samples.view(BOB, 0.7, 5));
        assertThat(body(ALICE).get("data_sufficiency").asString()).isEqualTo("none");
    }

    @Test
    void shouldAnswer401WithoutAToken() {
        expectProblem(get("/api/user/offer-probability", null), 401);
    }

    @Test
    void shouldAnswer503WithRetryAfterWhileRebalancing() {
        views.rebalancing(true);
        expectProblem(get("/api/user/offer-probability", ALICE).expectHeader().exists(HttpHeaders.RETRY_AFTER), 503);
    }
}
