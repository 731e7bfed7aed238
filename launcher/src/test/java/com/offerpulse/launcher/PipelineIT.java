package com.offerpulse.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.offerpulse.contracts.analytics.SessionMeters;
import com.offerpulse.contracts.analytics.SessionSummary;
import com.offerpulse.contracts.analytics.TaggedSentence;
import com.offerpulse.contracts.analytics.UserOfferProbability;
import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.contracts.topic.Topics;

import tools.jackson.databind.JsonNode;

/**
 * The whole platform through the launcher on a real in-process broker: segments posted through the ingest API come
 * out of the stream processor as sentences, meters, a summary and an offer probability, which the query API serves
 * within seconds; deleting the round removes it from every view.
 */
class PipelineIT {
    private static RunningPlatform platform;
    private static WebTestClient web;
    private static PlatformClient client;

    @BeforeAll
    static void start() throws Exception {
        platform = PlatformClient.startFresh("pipeline");
        client = new PlatformClient(platform);
        web = client.web();
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void shouldTurnPostedSegmentsIntoSentencesMetersSummaryAndOfferProbability() throws Exception {
        PlatformClient.Login grace = client.login("grace");
        String sessionId = client.playRound(grace, "At my last job our checkout API failed 4% of requests at peak.",
                "I traced the failures to one retry bug and I fixed it", "behind a feature flag.",
                "Errors fell from 4% to 0.5% within two weeks.");

        List<TaggedSentence> sentences = client.awaitRecords(Topics.TRANSCRIPT_SENTENCES.name(), sessionId,
                TaggedSentence.class, l -> l.size() >= 3);
        assertThat(sentences).extracting(TaggedSentence::text).containsExactly(
                "At my last job our checkout API failed 4% of requests at peak.",
                "I traced the failures to one retry bug and I fixed it behind a feature flag.",
                "Errors fell from 4% to 0.5% within two weeks.");
        assertThat(client.awaitRecords(Topics.SESSION_METERS.name(), sessionId, SessionMeters.class,
                l -> l.size() >= 3)).hasSize(3);
        List<SessionSummary> summaries = client.awaitRecords(Topics.SESSION_SUMMARIES.name(), grace.userId(),
                SessionSummary.class, l -> !l.isEmpty());
        assertThat(summaries).singleElement().satisfies(s -> {
            assertThat(s.sessionId()).isEqualTo(sessionId);
            assertThat(s.sentenceCount()).isEqualTo(3);
        });
        List<UserOfferProbability> views = client.awaitRecords(Topics.USER_OFFER_PROBABILITY.name(), grace.userId(),
                UserOfferProbability.class, l -> !l.isEmpty());
        assertThat(views.get(views.size() - 1).offerProbability()).isBetween(0.0, 1.0);
    }

    @Test
    void shouldServeTheRoundWithinFiveSecondsAndForgetItEverywhereOnceDeleted() throws Exception {
        PlatformClient.Login ada = client.login("ada-" + System.nanoTime());
        String bearer = "Bearer " + ada.token();
        long ended = System.nanoTime();
        String sessionId = client.playRound(ada, "I led the migration of our billing system to Postgres.",
                "We cut invoice errors by 80% in one quarter.", "Next time I would involve finance earlier.");

        JsonNode card = client.awaitJson("/api/sessions/" + sessionId, bearer, j -> true);
        JsonNode transcript = client.awaitJson("/api/sessions/" + sessionId + "/transcript", bearer,
                j -> j.get("sentences").size() == 3);
        JsonNode probability = client.awaitJson("/api/user/offer-probability", bearer,
                j -> j.get("sessions_count").asInt() == 1);
        long tookMs = Duration.ofNanos(System.nanoTime() - ended).toMillis();
        System.out.println("MEASURED round visible through the query API " + tookMs + " ms after the segments were posted");
        assertThat(tookMs).as("summary, transcript and offer probability visible after the round (ms)")
                .isLessThan(5_000);
        assertThat(card.get("session_id").asString()).isEqualTo(sessionId);
        assertThat(card.get("what_to_fix_next").isArray()).isTrue();
        assertThat(transcript.get("sentences").get(1).get("tag").asString()).isEqualTo("RESULT");
        assertThat(probability.get("data_sufficiency").asString()).isEqualTo("sparse");
        assertThat(client.awaitJson("/api/user/sessions", bearer, j -> j.get("sessions").size() == 1)
                .get("sessions").get(0).get("session_id").asString()).isEqualTo(sessionId);
        web.get().uri("/api/sessions/" + sessionId).header("Authorization", client.login("mallory").bearer())
                .exchange().expectStatus().isForbidden();

        web.delete().uri("/api/sessions/" + sessionId).header("Authorization", bearer).exchange()
                .expectStatus().isAccepted();
        client.awaitStatus("/api/sessions/" + sessionId, bearer, 404);
        client.awaitStatus("/api/sessions/" + sessionId + "/transcript", bearer, 404);
        client.awaitStatus("/api/sessions/" + sessionId + "/meters", bearer, 404);
        client.awaitJson("/api/user/sessions", bearer, j -> j.get("sessions").isEmpty());
        JsonNode after = client.awaitJson("/api/user/offer-probability", bearer,
                j -> j.get("data_sufficiency").asString().equals("none"));
        assertThat(after.get("offer_probability").isNull()).isTrue();
        web.post().uri("/api/sessions/" + sessionId + "/end").header("Authorization", bearer).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void shouldStreamTheRoundLiveToItsOwnersRoomSocket() throws Exception {
        PlatformClient.Login lin = client.login("lin-" + System.nanoTime());
        String sessionId = JsonCodec.mapper().readTree(web.post().uri("/api/sessions")
                .header("Authorization", "Bearer " + lin.token()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"question\":\"Tell me about a launch.\"}")
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody())
                .get("session_id").asString();
        java.util.List<JsonNode> messages = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.net.URI room = java.net.URI.create("ws://127.0.0.1:" + platform.httpPort() + "/ws/rooms/" + sessionId
                + "?access_token=" + lin.token());
        reactor.core.Disposable socket = new org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient()
                .execute(room, ws -> ws.receive()
                        .map(m -> JsonCodec.mapper().readTree(m.getPayloadAsText()))
                        .doOnNext(messages::add).then())
                .subscribe();
        try {
            for (long d = System.nanoTime() + Duration.ofSeconds(10).toNanos(); messages.isEmpty()
                    && System.nanoTime() < d;) {
                Thread.sleep(50);
            }
            web.post().uri("/api/sessions/" + sessionId + "/transcript").header("Authorization", "Bearer " + lin.token())
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"segments\":[" + PlatformClient.seg(1, "I led the launch of our mobile app.") + ","
                            + PlatformClient.seg(2, "Downloads grew 40% in the first month.") + "]}")
                    .exchange().expectStatus().isAccepted();
            // Meters and sentences come from different topics, so either kind may arrive first: wait for both.
            for (long d = System.nanoTime() + Duration.ofSeconds(15).toNanos(); System.nanoTime() < d
                    && (count(messages, "meters") < 2 || count(messages, "sentence") < 2);) {
                Thread.sleep(50);
            }
        } finally {
            socket.dispose();
        }
        assertThat(messages).isNotEmpty();
        assertThat(messages.get(0).get("type").asString()).isEqualTo("snapshot");
        assertThat(messages.stream().map(m -> m.get("type").asString()))
                .contains("sentence", "meters");
        java.util.List<Long> seqs = messages.subList(1, messages.size()).stream().map(m -> m.get("seq").asLong()).toList();
        assertThat(seqs).isSorted();
    }

    private static long count(java.util.List<JsonNode> messages, String type) {
        return messages.stream().filter(m -> m.get("type").asString().equals(type)).count();
    }
}
