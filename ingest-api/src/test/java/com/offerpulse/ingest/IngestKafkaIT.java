package com.offerpulse.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.contracts.transcript.Speaker;
import com.offerpulse.contracts.transcript.TranscriptSegment;
import com.offerpulse.ingest.support.IngestInstance;
import com.offerpulse.platform.kafka.OutboundRecord;
import com.offerpulse.platform.kafka.RecordWriter;
import com.offerpulse.platform.problem.ApiProblem;
import com.offerpulse.testsupport.kafka.TestKafka;
import com.offerpulse.testsupport.kafka.TopicReader;

/** Two ingest instances on one real broker (Testcontainers where Docker runs, in-process otherwise). */
class IngestKafkaIT {
    private static final Duration READ = Duration.ofSeconds(20);
    private static TestKafka kafka;
    private static IngestInstance a;
    private static IngestInstance b;

    @BeforeAll
    static void start() {
        kafka = TestKafka.start();
        kafka.ensureTopics(3);
        a = IngestInstance.start(kafka.bootstrapServers());
        b = IngestInstance.start(kafka.bootstrapServers());
    }

    @AfterAll
    static void stop() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    private static String startRound(IngestInstance on, String user) {
        byte[] body = on.post("/api/sessions", user).bodyValue("{\"question\":\"Tell me about a hard bug.\"}")
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody();
        return JsonCodec.mapper().readTree(body).get("session_id").asString();
    }

    private static String segment(long seq) {
        return "{\"seq\":" + seq + ",\"speaker\":\"candidate\",\"text\":\"Sentence " + seq + ".\",\"start_ms\":"
                + seq * 1000 + ",\"end_ms\":" + (seq * 1000 + 800) + ",\"final\":true}";
    }

    @Test
    void shouldHonourOwnershipAndEndAcrossInstances() throws Exception {
        String sessionId = startRound(a, "u_ann");

        // Read-your-writes: B has never seen this round, so it catches up with the topic before answering.
        b.post("/api/sessions/" + sessionId + "/transcript", "u_ann")
                .bodyValue("{\"segments\":[" + segment(1) + "," + segment(2) + "]}")
                .exchange().expectStatus().isAccepted();
        b.post("/api/sessions/" + sessionId + "/transcript", "u_eve")
                .bodyValue("{\"segments\":[" + segment(3) + "]}")
                .exchange().expectStatus().isForbidden();

        b.post("/api/sessions/" + sessionId + "/end", "u_ann").exchange().expectStatus().isAccepted();

        // A learns of the end from the topic, not from B.
        int status = 0;
        for (long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos(); System.nanoTime() < deadline;) {
            status = a.post("/api/sessions/" + sessionId + "/transcript", "u_ann")
                    .bodyValue("{\"segments\":[" + segment(9) + "]}").exchange()
                    .returnResult(Void.class).getStatus().value();
            if (status == 409) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(status).isEqualTo(409);

        List<ConsumerRecord<String, byte[]>> segments = TopicReader.readAll(kafka.bootstrapServers(),
                Topics.TRANSCRIPT_SEGMENTS.name(), READ, true).stream().filter(r -> r.key().equals(sessionId)).toList();
        assertThat(segments).extracting(r -> JsonCodec.decode(r.value(), TranscriptSegment.class).seq())
                .as("the two accepted segments; the refused and the post-end ones never reached the topic")
                .containsExactly(1L, 2L);
    }

    @Test
    void shouldWriteNothingVisibleWhenOneRecordOfTheGroupFails() {
        String key = "s_all_or_nothing";
        TranscriptSegment s1 = new TranscriptSegment(key + ":1", key, "u_x", 1, Speaker.CANDIDATE, "One.", 0, 10, true,
                Instant.now());
        TranscriptSegment s2 = new TranscriptSegment(key + ":2", key, "u_x", 2, Speaker.CANDIDATE, "Two.", 10, 20, true,
                Instant.now());
        List<OutboundRecord> group = List.of(
                OutboundRecord.of(Topics.TRANSCRIPT_SEGMENTS, key, s1),
                OutboundRecord.of(Topics.TRANSCRIPT_SEGMENTS, key, s2),
                // No such topic (auto-creation is off): this send fails after the first two went out.
                new OutboundRecord("no.such.topic.v1", key, new byte[] {'{', '}'}));

        assertThatThrownBy(() -> a.bean(RecordWriter.class).writeAll(group).block(Duration.ofSeconds(30)))
                .isInstanceOf(ApiProblem.class)
                .satisfies(e -> assertThat(((ApiProblem) e).status().value()).isEqualTo(503));

        assertThat(TopicReader.readAll(kafka.bootstrapServers(), Topics.TRANSCRIPT_SEGMENTS.name(), READ, true))
                .as("read_committed readers (every OfferPulse consumer) see none of the group")
                .noneMatch(r -> r.key().equals(key));
    }
}
