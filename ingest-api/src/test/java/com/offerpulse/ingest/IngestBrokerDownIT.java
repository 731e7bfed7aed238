package com.offerpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.ingest.support.IngestInstance;
import com.offerpulse.testsupport.kafka.TestKafka;
import com.offerpulse.testsupport.kafka.TopicReader;

/** With the broker gone, every write is a 503 with Retry-After within seconds, never a 202. */
class IngestBrokerDownIT {
    private static TestKafka kafka;
    private static IngestInstance ingest;

    @BeforeAll
    static void start() {
        kafka = TestKafka.start();
        kafka.ensureTopics(1);
        ingest = IngestInstance.start(kafka.bootstrapServers());
    }

    @AfterAll
    static void stop() {
        if (ingest != null) {
            ingest.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldAnswer503WithRetryAfterWhileTheBrokerIsDown() {
        byte[] body = ingest.post("/api/sessions", "u_dan").bodyValue("{\"question\":\"Why us?\"}")
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody();
        String sessionId = JsonCodec.mapper().readTree(body).get("session_id").asString();
        assertThat(TopicReader.readAll(kafka.bootstrapServers(), Topics.SESSION_LIFECYCLE.name(),
                Duration.ofSeconds(10), true)).hasSize(1);

        kafka.stopBroker();

        long start = System.nanoTime();
        ingest.post("/api/sessions/" + sessionId + "/transcript", "u_dan")
                .bodyValue("{\"segments\":[{\"seq\":1,\"speaker\":\"candidate\",\"text\":\"Hi.\",\"start_ms\":0,"
                        + "\"end_ms\":500,\"final\":true}]}")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody().jsonPath("$.status").isEqualTo(503);
        ingest.post("/api/sessions", "u_dan").bodyValue("{\"question\":\"Why us?\"}")
                .exchange().expectStatus().isEqualTo(503).expectHeader().exists(HttpHeaders.RETRY_AFTER);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }
}
