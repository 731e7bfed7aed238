package com.offerpulse.query.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.query.support.QueryInstance;
import com.offerpulse.query.support.Samples;
import com.offerpulse.testsupport.auth.TestTokens;
import com.offerpulse.testsupport.kafka.TestKafka;

/**
 * Two query instances on one broker: a link created on one works on the other the moment the create returned, and
 * is gone on the first the moment the other's revoke returned. The users' views are spread over both instances, so
 * some snapshots are built from views read through the other instance.
 */
class ShareInstancesIT {
    private static final int USERS = 8;

    @TempDir
    Path dirs;

    @Test
    void shouldServeAndRevokeLinksAcrossInstancesWithoutWaiting() throws Exception {
        try (TestKafka kafka = TestKafka.start()) {
            kafka.ensureTopics(6);
            List<String> users = new ArrayList<>();
            Instant now = Instant.now();
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                    new ByteArraySerializer())) {
                for (int i = 0; i < USERS; i++) {
                    String user = "u_share_" + i;
                    users.add(user);
                    producer.send(new ProducerRecord<>(Topics.USER_OFFER_PROBABILITY.name(), user,
                            JsonCodec.encode(Samples.view(user, 0.5, 2))));
                    producer.send(new ProducerRecord<>(Topics.SESSION_SUMMARIES.name(), user, JsonCodec.encode(
                            Samples.summary("s_" + i + "_1", user, now.minus(Duration.ofDays(3)), null, 0.4))));
                    producer.send(new ProducerRecord<>(Topics.SESSION_SUMMARIES.name(), user, JsonCodec.encode(
                            Samples.summary("s_" + i + "_2", user, now.minus(Duration.ofDays(1)), 0.4, 0.5))));
                }
            }

            try (QueryInstance a = QueryInstance.start(kafka.bootstrapServers(), dirs.resolve("a"), "share-it");
                    QueryInstance b = QueryInstance.start(kafka.bootstrapServers(), dirs.resolve("b"), "share-it")) {
                awaitRoundsServed(List.of(a, b), users);
                double forwardedBefore = forwarded(a) + forwarded(b);
                for (int i = 0; i < users.size(); i++) {
                    String user = users.get(i);
                    QueryInstance creator = i % 2 == 0 ? a : b;
                    QueryInstance other = creator == a ? b : a;

                    String token = JsonCodec.mapper().readTree(creator.web().post().uri("/api/share")
                            .headers(h -> h.setBearerAuth(TestTokens.forUser(user)))
                            .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                            .expectStatus().isCreated().expectBody().returnResult().getResponseBody())
                            .get("token").asString();
                    other.web().get().uri("/api/share/" + token).exchange().expectStatus().isOk().expectBody()
                            .jsonPath("$.rounds_completed").isEqualTo(2)
                            .jsonPath("$.change_over_period").isEqualTo(0.1);

                    other.web().delete().uri("/api/share/" + token)
                            .headers(h -> h.setBearerAuth(TestTokens.forUser(user))).exchange()
                            .expectStatus().isNoContent();
                    creator.web().get().uri("/api/share/" + token).exchange().expectStatus().isNotFound();
                    other.web().get().uri("/api/share/" + token).exchange().expectStatus().isNotFound();
                }
                assertThat(forwarded(a) + forwarded(b) - forwardedBefore)
                        .as("some snapshots were built from views read through the other instance").isPositive();
            }
        }
    }

    /** Both instances running and every user's round list served (from whichever instance owns it). */
    private static void awaitRoundsServed(List<QueryInstance> instances, List<String> users) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            boolean all = true;
            for (QueryInstance q : instances) {
                all &= q.state() == KafkaStreams.State.RUNNING;
                for (String user : users) {
                    if (!all) {
                        break;
                    }
                    EntityExchangeResult<byte[]> r = q.web().get().uri("/api/user/sessions")
                            .headers(h -> h.setBearerAuth(TestTokens.forUser(user))).exchange().expectBody()
                            .returnResult();
                    all = r.getStatus().value() == 200
                            && JsonCodec.mapper().readTree(r.getResponseBody()).get("sessions").size() == 2;
                }
            }
            if (all) {
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("the views were not served in time");
    }

    private static double forwarded(QueryInstance q) {
        String metrics = new String(q.web().get().uri("/actuator/prometheus")
                .headers(h -> h.setBearerAuth(TestTokens.forUser("ops"))).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody(), java.nio.charset.StandardCharsets.UTF_8);
        return metrics.lines().filter(l -> l.startsWith("offerpulse_query_forwarded_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
