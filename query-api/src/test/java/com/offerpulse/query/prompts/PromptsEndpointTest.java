package com.offerpulse.query.prompts;

import static com.offerpulse.testsupport.web.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import com.offerpulse.contracts.growth.PromptState;
import com.offerpulse.contracts.growth.TestimonialPrompt;
import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.query.support.QueryWebTestBase;
import com.offerpulse.query.views.QueryTopology;

import tools.jackson.databind.JsonNode;

class PromptsEndpointTest extends QueryWebTestBase {
    private static final List<String> FIELDS = List.of("show", "state", "eligible_session_id", "cycle_start",
            "cycle_end");

    private JsonNode testimonial(String userId) {
        JsonNode body = JsonCodec.mapper().readTree(get("/api/user/prompts", userId).expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody().returnResult().getResponseBody());
        List<String> top = new ArrayList<>();
        body.propertyNames().iterator().forEachRemaining(top::add);
        assertThat(top).containsExactly("testimonial");
        List<String> names = new ArrayList<>();
        body.get("testimonial").propertyNames().iterator().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrderElementsOf(FIELDS);
        return body.get("testimonial");
    }

    private void store(String userId, PromptState state, Instant cycleStart) {
        views.put(QueryTopology.PROMPTS_STORE, userId, new TestimonialPrompt(userId, cycleStart,
                cycleStart.plus(Duration.ofDays(30)), state, state == PromptState.DISMISSED ? null : "s_rise",
                cycleStart));
    }

    @Test
    void shouldNotShowAnythingToAUserWithoutAPrompt() {
        JsonNode t = testimonial(ALICE);
        assertThat(t.get("show").asBoolean()).isFalse();
        assertThat(t.get("state").asString()).isEqualTo("not_eligible");
        assertThat(t.get("eligible_session_id").isNull()).isTrue();
        assertThat(t.get("cycle_start").isNull()).isTrue();
        assertThat(t.get("cycle_end").isNull()).isTrue();
    }

    @Test
    void shouldShowAnEligiblePromptWithItsRoundAndCycle() {
        Instant start = Instant.now().minus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        store(ALICE, PromptState.ELIGIBLE, start);
        JsonNode t = testimonial(ALICE);
        assertThat(t.get("show").asBoolean()).isTrue();
        assertThat(t.get("state").asString()).isEqualTo("eligible");
        assertThat(t.get("eligible_session_id").asString()).isEqualTo("s_rise");
        assertThat(Instant.parse(t.get("cycle_start").asString())).isEqualTo(start);
        assertThat(Instant.parse(t.get("cycle_end").asString())).isEqualTo(start.plus(Duration.ofDays(30)));
    }

    @Test
    void shouldKeepShowingAPromptAlreadyShownButNotADismissedOrAnsweredOne() {
        Instant start = Instant.now().minus(Duration.ofDays(2));
        store(ALICE, PromptState.SHOWN, start);
        store(BOB, PromptState.DISMISSED, start);
        store("u_carol", PromptState.SUBMITTED, start);
        assertThat(testimonial(ALICE).get("show").asBoolean()).isTrue();
        JsonNode dismissed = testimonial(BOB);
        assertThat(dismissed.get("show").asBoolean()).isFalse();
        assertThat(dismissed.get("state").asString()).isEqualTo("dismissed");
        assertThat(dismissed.get("cycle_end").isString()).isTrue();
        assertThat(testimonial("u_carol").get("state").asString()).isEqualTo("submitted");
        assertThat(testimonial("u_carol").get("show").asBoolean()).isFalse();
    }

    @Test
    void shouldTreatAPromptWhoseCycleEndedAsNotEligible() {
        store(ALICE, PromptState.ELIGIBLE, Instant.now().minus(Duration.ofDays(31)));
        store(BOB, PromptState.DISMISSED, Instant.now().minus(Duration.ofDays(31)));
        for (String user : List.of(ALICE, BOB)) {
            JsonNode t = testimonial(user);
            assertThat(t.get("show").asBoolean()).isFalse();
            assertThat(t.get("state").asString()).isEqualTo("not_eligible");
            assertThat(t.get("cycle_start").isNull()).isTrue();
        }
    }

    @Test
    void shouldOnlyEverAnswerForTheCaller() {
        store(BOB, PromptState.ELIGIBLE, Instant.now());
        assertThat(testimonial(ALICE).get("show").asBoolean()).isFalse();
    }

    @Test
    void shouldAnswer401WithoutAToken() {
        expectProblem(get("/api/user/prompts", null), 401);
    }

    @Test
    void shouldAnswer503WithRetryAfterWhileRebalancing() {
        views.rebalancing(true);
        expectProblem(get("/api/user/prompts", ALICE).expectHeader().exists(HttpHeaders.RETRY_AFTER), 503);
    }
}
