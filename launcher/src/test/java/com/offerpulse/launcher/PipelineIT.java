package com.offerpulse.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.offerpulse.contracts.analytics.SessionMeters;
import com.offerpulse.contracts.analytics.SessionSummary;
import com.offerpulse.contracts.analytics.TaggedSentence;
import com.offerpulse.contracts.analytics.UserOfferProbability;
import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.testsupport.kafka.TopicReader;

import tools.jackson.databind.JsonNode;

/**
 * The whole platform through the launcher on a real in-process broker: segments posted through the ingest API come
 * out of the stream processor as sentences, meters, a summary and an offer probability, which the query API serves
 * within seconds; deleting the round removes it from every view.
 */
class PipelineIT {
    private static Path dataDir;
    private static RunningPlatform platform;
    private static WebTestClient web;

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("offerpulse-pipeline");
        platform = OfferPulseLauncher.start("--offerpulse.data.dir=" + dataDir, "--offerpulse.kafka.embedded-port=0",
                "--server.port=0", "--logging.structured.format.console=");
        web = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + platform.httpPort())
                .responseTimeout(Duration.ofSeconds(20)).build();
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    record Login(String token, String userId) {
    }

    private static Login login(String username) {
        JsonNode body = JsonCodec.mapper().readTree(web.post().uri("/api/auth/dev-login")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"username\":\"" + username + "\"}").exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
        return new Login(body.get("token").asString(), body.get("user_id").asString());
    }

    private static String playRound(Login user, String... texts) {
        String sessionId = JsonCodec.mapper().readTree(web.post().uri("/api/sessions")
                .header("Authorization", "Bearer " + user.token()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"question\":\"Tell me about a time you improved reliability.\"}")
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody())
                .get("session_id").asString();
        StringBuilder segments = new StringBuilder();
        for (int i = 0; i < texts.length; i++) {
            segments.append(i == 0 ? "" : ",").append(seg(i + 1, texts[i]));
        }
        web.post().uri("/api/sessions/" + sessionId + "/transcript").header("Authorization", "Bearer " + user.token())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"segments\":[" + segments + "]}")
                .exchange().expectStatus().isAccepted();
        web.post().uri("/api/sessions/" + sessionId + "/end").header("Authorization", "Bearer " + user.token())
                .exchange().expectStatus().isAccepted();
        return sessionId;
    }

    @Test
    void shouldTurnPostedSegmentsIntoSentencesMetersSummaryAndOfferProbability() throws Exception {
        Login grace = login("grace");
        String sessionId = playRound(grace, "At my last job our checkout API failed 4% of requests at peak.",
                "I traced the failures to one retry bug and I fixed it", "behind a feature flag.",
                "Errors fell from 4% to 0.5% within two weeks.");

        String bootstrap = platform.kafkaBootstrap();
        List<TaggedSentence> sentences = await(bootstrap, Topics.TRANSCRIPT_SENTENCES.name(), sessionId,
                TaggedSentence.class, l -> l.size() >= 3);
        assertThat(sentences).extracting(TaggedSentence::text).containsExactly(
                "At my last job our checkout API failed 4% of requests at peak.",
                "I traced the failures to one retry bug and I fixed it behind a feature flag.",
                "Errors fell from 4% to 0.5% within two weeks.");
        assertThat(await(bootstrap, Topics.SESSION_METERS.name(), sessionId, SessionMeters.class,
                l -> l.size() >= 3)).hasSize(3);
        List<SessionSummary> summaries = await(bootstrap, Topics.SESSION_SUMMARIES.name(), grace.userId(),
                SessionSummary.class, l -> !l.isEmpty());
        assertThat(summaries).singleElement().satisfies(s -> {
            assertThat(s.sessionId()).isEqualTo(sessionId);
            assertThat(s.sentenceCount()).isEqualTo(3);
        });
        List<UserOfferProbability> views = await(bootstrap, Topics.USER_OFFER_PROBABILITY.name(), grace.userId(),
                UserOfferProbability.class, l -> !l.isEmpty());
        assertThat(views.get(views.size() - 1).offerProbability()).isBetween(0.0, 1.0);
    }

    @Test
    void shouldServeTheRoundWithinFiveSecondsAndForgetItEverywhereOnceDeleted() throws Exception {
        Login ada = login("ada-" + System.nanoTime());
        String bearer = "Bearer " + ada.token();
        long ended = System.nanoTime();
        String sessionId = playRound(ada, "I led the migration of our billing system to Postgres.",
                "We cut invoice errors by 80% in one quarter.", "Next time I would involve finance earlier.");

        JsonNode card = awaitJson("/api/sessions/" + sessionId, bearer, j -> true);
        JsonNode transcript = awaitJson("/api/sessions/" + sessionId + "/transcript", bearer,
                j -> j.get("sentences").size() == 3);
        JsonNode probability = awaitJson("/api/user/offer-probability", bearer,
                j -> j.get("sessions_count").asInt() == 1);
        long tookMs = Duration.ofNanos(System.nanoTime() - ended).toMillis();
        System.out.println("MEASURED round visible through the query API " + tookMs + " ms after the segments were posted");
        assertThat(tookMs).as("summary, transcript and offer probability visible after the round (ms)")
                .isLessThan(5_000);
        assertThat(card.get("session_id").asString()).isEqualTo(sessionId);
        assertThat(card.get("what_to_fix_next").isArray()).isTrue();
        assertThat(transcript.get("sentences").get(1).get("tag").asString()).isEqualTo("RESULT");
        assertThat(probability.get("data_sufficiency").asString()).isEqualTo("sparse");
        assertThat(awaitJson("/api/user/sessions", bearer, j -> j.get("sessions").size() == 1)
                .get("sessions").get(0).get("session_id").asString()).isEqualTo(sessionId);
        web.get().uri("/api/sessions/" + sessionId).header("Authorization", "Bearer " + login("mallory").token())
                .exchange().expectStatus().isForbidden();

        web.delete().uri("/api/sessions/" + sessionId).header("Authorization", bearer).exchange()
                .expectStatus().isAccepted();
        awaitStatus("/api/sessions/" + sessionId, bearer, 404);
        awaitStatus("/api/sessions/" + sessionId + "/transcript", bearer, 404);
        awaitStatus("/api/sessions/" + sessionId + "/meters", bearer, 404);
        awaitJson("/api/user/sessions", bearer, j -> j.get("sessions").isEmpty());
        JsonNode after = awaitJson("/api/user/offer-probability", bearer,
                j -> j.get("data_sufficiency").asString().equals("none"));
        assertThat(after.get("offer_probability").isNull()).isTrue();
        web.post().uri("/api/sessions/" + sessionId + "/end").header("Authorization", bearer).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void shouldStreamTheRoundLiveToItsOwnersRoomSocket() throws Exception {
        Login lin = login("lin-" + System.nanoTime());
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
                    .bodyValue("{\"segments\":[" + seg(1, "I led the launch of our mobile app.") + ","
                            + seg(2, "Downloads grew 40% in the first month.") + "]}")
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

    private static JsonNode awaitJson(String path, String bearer, Predicate<JsonNode> done) throws Exception {
        for (long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos(); System.nanoTime() < deadline;) {
            EntityExchangeResult<byte[]> r = web.get().uri(path).header("Authorization", bearer).exchange()
                    .expectBody().returnResult();
            if (r.getStatus().value() == 200) {
                JsonNode json = JsonCodec.mapper().readTree(r.getResponseBody());
                if (done.test(json)) {
                    return json;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no satisfying answer from " + path);
    }

    private static void awaitStatus(String path, String bearer, int status) throws Exception {
        int last = 0;
        for (long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos(); System.nanoTime() < deadline;) {
            last = web.get().uri(path).header("Authorization", bearer).exchange().expectBody().returnResult()
                    .getStatus().value();
            if (last == status) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(path + " answered " + last + ", expected " + status);
    }

    private static <V> List<V> await(String bootstrap, String topic, String key, Class<V> type,
            Predicate<List<V>> done) throws InterruptedException {
        List<V> values = List.of();
        for (long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos(); System.nanoTime() < deadline;) {
            List<ConsumerRecord<String, byte[]>> records = TopicReader.readAll(bootstrap, topic, Duration.ofSeconds(5),
                    true);
            values = records.stream().filter(r -> key.equals(r.key()))
                    .map(r -> JsonCodec.decode(r.value(), type)).toList();
            if (done.test(values)) {
                return values;
            }
            Thread.sleep(200);
        }
        return values;
    }

    private static String seg(long seq, String text) {
        return "{\"seq\":" + seq + ",\"speaker\":\"candidate\",\"text\":\"" + text + "\",\"start_ms\":" + seq * 3000
                + ",\"end_ms\":" + (seq * 3000 + 2500) + ",\"final\":true}";
    }
}
