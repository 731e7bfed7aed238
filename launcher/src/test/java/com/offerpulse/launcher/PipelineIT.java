package com.offerpulse.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.offerpulse.contracts.analytics.SessionMeters;
import com.offerpulse.contracts.analytics.SessionSummary;
import com.offerpulse.contracts.analytics.TaggedSentence;
import com.offerpulse.contracts.analytics.UserOfferProbability;
import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.testsupport.kafka.TopicReader;

/**
 * Segments posted through the ingest API come out of the stream processor, through a real broker, as tagged
 * sentences, meters, a round summary and the user's offer probability.
 */
class PipelineIT {
    @TempDir
    Path dataDir;

    @Test
    void shouldTurnPostedSegmentsIntoSentencesMetersSummaryAndOfferProbability() throws Exception {
        try (RunningPlatform platform = OfferPulseLauncher.start("--offerpulse.data.dir=" + dataDir,
                "--offerpulse.kafka.embedded-port=0", "--server.port=0", "--logging.structured.format.console=")) {
            WebTestClient web = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + platform.httpPort())
                    .responseTimeout(Duration.ofSeconds(20)).build();
            JsonCodec.mapper();
            String login = new String(web.post().uri("/api/auth/dev-login").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"username\":\"grace\"}").exchange().expectStatus().isOk().expectBody()
                    .returnResult().getResponseBody());
            String token = JsonCodec.mapper().readTree(login).get("token").asString();
            String userId = JsonCodec.mapper().readTree(login).get("user_id").asString();
            String created = new String(web.post().uri("/api/sessions").header("Authorization", "Bearer " + token)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"question\":\"Tell me about a time you improved reliability.\"}")
                    .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody());
            String sessionId = JsonCodec.mapper().readTree(created).get("session_id").asString();

            web.post().uri("/api/sessions/" + sessionId + "/transcript").header("Authorization", "Bearer " + token)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"segments\":["
                            + seg(1, "At my last job our checkout API failed 4% of requests at peak.")
                            + "," + seg(2, "I traced the failures to one retry bug and I fixed it")
                            + "," + seg(3, "behind a feature flag.")
                            + "," + seg(4, "Errors fell from 4% to 0.5% within two weeks.")
                            + "]}")
                    .exchange().expectStatus().isAccepted();
            web.post().uri("/api/sessions/" + sessionId + "/end").header("Authorization", "Bearer " + token)
                    .exchange().expectStatus().isAccepted();

            String bootstrap = platform.kafkaBootstrap();
            List<TaggedSentence> sentences = await(bootstrap, Topics.TRANSCRIPT_SENTENCES.name(), sessionId,
                    TaggedSentence.class, l -> l.size() >= 3);
            assertThat(sentences).extracting(TaggedSentence::text).containsExactly(
                    "At my last job our checkout API failed 4% of requests at peak.",
                    "I traced the failures to one retry bug and I fixed it behind a feature flag.",
                    "Errors fell from 4% to 0.5% within two weeks.");
            assertThat(await(bootstrap, Topics.SESSION_METERS.name(), sessionId, SessionMeters.class,
                    l -> l.size() >= 3)).hasSize(3);
            List<SessionSummary> summaries = await(bootstrap, Topics.SESSION_SUMMARIES.name(), userId,
                    SessionSummary.class, l -> !l.isEmpty());
            assertThat(summaries).singleElement().satisfies(s -> {
                assertThat(s.sessionId()).isEqualTo(sessionId);
                assertThat(s.sentenceCount()).isEqualTo(3);
            });
            List<UserOfferProbability> views = await(bootstrap, Topics.USER_OFFER_PROBABILITY.name(), userId,
                    UserOfferProbability.class, l -> !l.isEmpty());
            assertThat(views.get(views.size() - 1).offerProbability()).isBetween(0.0, 1.0);
        }
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
