package com.offerpulse.query.sessions;

import static com.offerpulse.testsupport.web.Problems.expectProblem;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.json.JsonCompareMode;

import com.offerpulse.contracts.analytics.SentenceTag;
import com.offerpulse.contracts.analytics.TaggedSentence;
import com.offerpulse.query.support.QueryWebTestBase;
import com.offerpulse.query.support.Samples;
import com.offerpulse.query.views.QueryTopology;
import com.offerpulse.query.views.SentenceKeys;
import com.offerpulse.query.views.SessionView;

class SessionViewsEndpointTest extends QueryWebTestBase {

    @Test
    void shouldServeTheEndOfRoundCard() {
        Samples.putEndedRound(views, "s1", ALICE);
        get("/api/sessions/s1", ALICE).expectStatus().isOk().expectBody()
                .jsonPath("$.session_id").isEqualTo("s1")
                .jsonPath("$.question").isEqualTo("Tell me about a launch")
                .jsonPath("$.offer_probability_before").isEqualTo(0.41)
                .jsonPath("$.offer_probability_after").isEqualTo(0.46)
                .jsonPath("$.offer_probability_change").isEqualTo(0.05)
                .jsonPath("$.what_changed[0].meter").isEqualTo("credibility")
                .jsonPath("$.what_changed[0].delta").isEqualTo(5)
                .jsonPath("$.what_to_fix_next[0]").isEqualTo("Quantify your results")
                .jsonPath("$.final_meters.impact_strength").isEqualTo(40);
    }

    @Test
    void shouldAnswer404BeforeTheRoundHasASummary() {
        views.put(QueryTopology.SESSION_STORE, "s2", Samples.openRound("s2", ALICE));
        expectProblem(get("/api/sessions/s2", ALICE), 404).jsonPath("$.detail")
                .value(d -> org.assertj.core.api.Assertions.assertThat((String) d).contains("no summary yet"));
    }

    @Test
    void shouldAnswer403ForSomeoneElsesRoundOnEveryView() {
        Samples.putEndedRound(views, "s1", BOB);
        expectProblem(get("/api/sessions/s1", ALICE), 403);
        expectProblem(get("/api/sessions/s1/transcript", ALICE), 403);
        expectProblem(get("/api/sessions/s1/meters", ALICE), 403);
    }

    @Test
    void shouldAnswer404ForUnknownOrDeletedRounds() {
        expectProblem(get("/api/sessions/s_missing", ALICE), 404);
        expectProblem(get("/api/sessions/s_missing/transcript", ALICE), 404);
        views.put(QueryTopology.SESSION_STORE, "gone", SessionView.tombstone("gone"));
        expectProblem(get("/api/sessions/gone", ALICE), 404);
        expectProblem(get("/api/sessions/gone/meters", ALICE), 404);
    }

    @Test
    void shouldServeTheTaggedTranscriptWithWeakSpansAndHints() {
        Samples.putEndedRound(views, "s1", ALICE);
        get("/api/sessions/s1/transcript", ALICE).expectStatus().isOk().expectBody()
                .jsonPath("$.ended").isEqualTo(true)
                .jsonPath("$.sentences[0].tag").isEqualTo("RESULT")
                .jsonPath("$.sentences[0].weak_spans[0].kind").isEqualTo("VAGUE")
                .jsonPath("$.sentences[0].weak_spans[0].start").isEqualTo(12)
                .jsonPath("$.sentences[0].weak_spans[0].hint").isEqualTo("'things' — name what changed");
    }

    @Test
    void shouldAnswerTheTranscriptWithTheSameJsonAsWhenSentencesWereInsideTheView() {
        Samples.putEndedRound(views, "s1", ALICE);
        // The exact body the endpoint gave before sentences moved to their own store.
        get("/api/sessions/s1/transcript", ALICE).expectStatus().isOk().expectBody().json("""
                {"session_id":"s1","question":"Tell me about a launch","ended":true,"sentences":[
                  {"session_id":"s1","seq":2,"index":0,"text":"We improved things a lot.","tag":"RESULT",
                   "weak_spans":[{"start":12,"end":18,"kind":"VAGUE","hint":"'things' — name what changed"}]}]}
                """, JsonCompareMode.STRICT);
    }

    @Test
    void shouldServeOnlyThisRoundsSentencesInIndexOrder() {
        views.put(QueryTopology.SESSION_STORE, "s1", Samples.openRound("s1", ALICE));
        for (int index : new int[] {10, 2, 0, 1}) {
            views.put(QueryTopology.SENTENCE_STORE, SentenceKeys.of("s1", index), Samples.sentence("s1", index));
        }
        // A round whose id starts like this one's must not leak into it.
        views.put(QueryTopology.SENTENCE_STORE, SentenceKeys.of("s10", 3), Samples.sentence("s10", 3));
        get("/api/sessions/s1/transcript", ALICE).expectStatus().isOk().expectBody()
                .jsonPath("$.sentences[*].index").isEqualTo(List.of(0, 1, 2, 10));
    }

    @Test
    void shouldStillServeSentencesHeldInsideAViewWrittenBeforeTheUpgrade() {
        SessionView old = new SessionView("s1", ALICE, "q", "pm", Samples.T0, false, null, false, null, null,
                List.of(Samples.sentence("s1", 0), Samples.sentence("s1", 1)));
        views.put(QueryTopology.SESSION_STORE, "s1", old);
        TaggedSentence newer = new TaggedSentence("s1", 9, 1, "Replaced.", SentenceTag.OTHER, List.of());
        views.put(QueryTopology.SENTENCE_STORE, SentenceKeys.of("s1", 1), newer);
        views.put(QueryTopology.SENTENCE_STORE, SentenceKeys.of("s1", 2), Samples.sentence("s1", 2));
        get("/api/sessions/s1/transcript", ALICE).expectStatus().isOk().expectBody()
                .jsonPath("$.sentences[*].index").isEqualTo(List.of(0, 1, 2))
                .jsonPath("$.sentences[1].text").isEqualTo("Replaced.");
    }

    @Test
    void shouldServeTheLatestMetersOr404BeforeTheFirstSentence() {
        Samples.putEndedRound(views, "s1", ALICE);
        get("/api/sessions/s1/meters", ALICE).expectStatus().isOk().expectBody()
                .jsonPath("$.credibility").isEqualTo(70)
                .jsonPath("$.hints[0]").isEqualTo("Give a number")
                .jsonPath("$.as_of_seq").isEqualTo(2);
        views.put(QueryTopology.SESSION_STORE, "s2", Samples.openRound("s2", ALICE));
        expectProblem(get("/api/sessions/s2/meters", ALICE), 404);
        get("/api/sessions/s2/transcript", ALICE).expectStatus().isOk().expectBody()
                .jsonPath("$.ended").isEqualTo(false).jsonPath("$.sentences.length()").isEqualTo(0);
    }

    @Test
    void shouldAnswer401WithoutATokenAnd503WhileRebalancing() {
        expectProblem(get("/api/sessions/s1", null), 401);
        views.rebalancing(true);
        expectProblem(get("/api/sessions/s1", ALICE).expectHeader().exists(HttpHeaders.RETRY_AFTER), 503);
    }
}
