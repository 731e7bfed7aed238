package com.offerpulse.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.offerpulse.contracts.analytics.UserOfferProbability;
import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.query.support.QueryInstance;
import com.offerpulse.query.support.Samples;
import com.offerpulse.testsupport.auth.TestTokens;
import com.offerpulse.testsupport.kafka.TestKafka;

/**
 * Two query-api instances split the partitions: every user's view is identical whichever instance is asked; when
 * one stops, the other serves every key after the rebalance, answering 503 + Retry-After (never 500) in between.
 */
class QueryInstancesIT {
    private static final int USERS = 50;

    @TempDir
    Path dirs;

    @Test
    void shouldServeEveryKeyFromEitherInstanceAndSurviveLosingOne() throws Exception {
        try (TestKafka kafka = TestKafka.start()) {
            kafka.ensureTopics(6);
            Map<String, Double> expected = new HashMap<>();
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            try (KafkaProducer<String, UserOfferProbability> producer = new KafkaProducer<>(p, new StringSerializer(),
                    Topics.USER_OFFER_PROBABILITY.valueSerde().serializer())) {
                for (int i = 0; i < USERS; i++) {
                    String user = "u_" + i;
                    double prob = 0.3 + i * 0.005;
                    expected.put(user, prob);
                    producer.send(new ProducerRecord<>(Topics.USER_OFFER_PROBABILITY.name(), user,
                            Samples.view(user, prob, 1 + i % 4)));
                }
            }

            QueryInstance a = QueryInstance.start(kafka.bootstrapServers(), dirs.resolve("a"), "q-it");
            QueryInstance b = QueryInstance.start(kafka.bootstrapServers(), dirs.resolve("b"), "q-it");
            try {
                awaitAllServed(List.of(a, b), expected, Duration.ofSeconds(60));
                for (String user : expected.keySet()) {
                    byte[] fromA = body(a, user);
                    byte[] fromB = body(b, user);
                    assertThat(fromB).as(user).isEqualTo(fromA);
                }
            } finally {
                b.close();
            }

            // B is gone; A takes over its partitions. Meanwhile only 200 or 503 + Retry-After.
            Set<Integer> seen = new HashSet<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            boolean allServed = false;
            while (!allServed && System.nanoTime() < deadline) {
                allServed = true;
                for (String user : expected.keySet()) {
                    Reply r = ask(a, user);
                    int status = r.status();
                    seen.add(status);
                    if (status == 503) {
                        assertThat(r.retryAfter()).isNotNull();
                        allServed = false;
                    } else {
                        assertThat(status).isEqualTo(200);
                        double got = JsonCodec.mapper().readTree(r.body()).get("offer_probability").asDouble();
                        assertThat(got).isEqualTo(expected.get(user));
                    }
                }
            }
            assertThat(allServed).as("A serves every key after the rebalance").isTrue();
            assertThat(seen).isSubsetOf(200, 503);
            a.close();
        }
    }

    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).build();

    record Reply(int status, byte[] body, String retryAfter) {
    }

    private static Reply ask(QueryInstance q, String user) throws Exception {
        java.net.http.HttpResponse<byte[]> r = HTTP.send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create(q.baseUrl() + "/api/user/offer-probability"))
                .header("Authorization", "Bearer " + TestTokens.forUser(user)).timeout(Duration.ofSeconds(10)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(r.statusCode(), r.body(), r.headers().firstValue("Retry-After").orElse(null));
    }

    private static byte[] body(QueryInstance instance, String user) throws Exception {
        Reply r = ask(instance, user);
        assertThat(r.status()).isEqualTo(200);
        return r.body();
    }

    private static void awaitAllServed(List<QueryInstance> instances, Map<String, Double> expected, Duration max)
            throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        List<String> missing = new ArrayList<>(expected.keySet());
        while (System.nanoTime() < deadline) {
            missing.clear();
            for (QueryInstance q : instances) {
                if (q.state() != KafkaStreams.State.RUNNING) {
                    missing.add("state");
                    continue;
                }
                for (String user : expected.keySet()) {
                    Reply r = ask(q, user);
                    if (r.status() != 200 || JsonCodec.mapper().readTree(r.body()).get("offer_probability").isNull()) {
                        missing.add(user);
                    }
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("not served in time: " + missing);
    }
}
