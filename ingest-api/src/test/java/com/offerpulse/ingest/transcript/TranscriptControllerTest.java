package com.offerpulse.ingest.transcript;

import static com.offerpulse.testsupport.web.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.contracts.transcript.Speaker;
import com.offerpulse.contracts.transcript.TranscriptSegment;
import com.offerpulse.ingest.support.IngestWebTestBase;
import com.offerpulse.platform.kafka.OutboundRecord;

class TranscriptControllerTest extends IngestWebTestBase {

    static String segment(long seq, String text) {
        return "{\"seq\":" + seq + ",\"speaker\":\"candidate\",\"text\":\"" + text + "\",\"start_ms\":" + seq * 1000
                + ",\"end_ms\":" + (seq * 1000 + 900) + ",\"final\":true}";
    }

    static String batch(String... segments) {
        return "{\"segments\":[" + String.join(",", segments) + "]}";
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec send(String sessionId, String body) {
        return post("/api/sessions/" + sessionId + "/transcript", ALICE).bodyValue(body).exchange();
    }

    @Test
    void shouldAcceptABatchAndWriteEverySegmentKeyedBySession() {
        String id = openRound(ALICE);
        send(id, batch(segment(1, "In my last role I owned billing."), segment(2, "We cut churn by 12%.")))
                .expectStatus().isAccepted()
                .expectBody().json("{\"accepted\":2}", org.springframework.test.json.JsonCompareMode.STRICT);

        assertThat(writer.committed).hasSize(1);
        assertThat(writer.all()).extracting(OutboundRecord::topic).containsOnly(Topics.TRANSCRIPT_SEGMENTS.name());
        assertThat(writer.all()).extracting(OutboundRecord::key).containsOnly(id);
        TranscriptSegment second = JsonCodec.decode(writer.all().get(1).value(), TranscriptSegment.class);
        assertThat(second.seq()).isEqualTo(2);
        assertThat(second.userId()).isEqualTo(ALICE);
        assertThat(second.speaker()).isEqualTo(Speaker.CANDIDATE);
        assertThat(second.eventId()).isEqualTo(id + ":2");
        assertThat(second.finalSegment()).isTrue();
    }

    @Test
    void shouldRejectMalformedJsonAndWriteNothing() {
        String id = openRound(ALICE);
        expectProblem(send(id, "{\"segments\":[{\"seq\":1,"), 400);
        assertThat(writer.committed).isEmpty();
    }

    @Test
    void shouldDescribeABodyOfTheWrongShapeWithoutNamingJavaTypes() {
        // Issue 12: this answered "Cannot deserialize value of type `com.offerpulse…TranscriptBatchRequest`…".
        expectProblem(send(openRound(ALICE), "[]"), 400)
                .jsonPath("$.detail").isEqualTo("The request body is not the JSON object this route expects.");
        expectProblem(post("/api/sessions", ALICE).contentType(org.springframework.http.MediaType.TEXT_PLAIN)
                .bodyValue("x").exchange(), 415)
                .jsonPath("$.detail").isEqualTo("The body was sent as 'text/plain'; send it as application/json.");
    }

    @Test
    void shouldNameTheMissingFieldOfTheFailingSegmentAndWriteNothing() {
        String id = openRound(ALICE);
        String noSeq = segment(2, "b").replace("\"seq\":2,", "");
        expectProblem(send(id, batch(segment(1, "a"), noSeq)), 400).jsonPath("$.field").isEqualTo("segments[1].seq");
        assertThat(writer.committed).isEmpty();
    }

    @Test
    void shouldNameAFieldOfTheWrongType() {
        String id = openRound(ALICE);
        expectProblem(send(id, batch(segment(1, "a").replace("\"candidate\"", "\"narrator\""))), 400)
                .jsonPath("$.field").isEqualTo("segments[0].speaker");
        expectProblem(send(id, batch(segment(1, "a").replace("\"final\":true", "\"final\":\"yes\""))), 400)
                .jsonPath("$.field").isEqualTo("segments[0].final");
        expectProblem(send(id, batch(segment(1, "a").replace("\"seq\":1", "\"seq\":-1"))), 400)
                .jsonPath("$.field").isEqualTo("segments[0].seq");
        assertThat(writer.committed).isEmpty();
    }

    @Test
    void shouldRejectASegmentEndingBeforeItStarts() {
        String id = openRound(ALICE);
        expectProblem(send(id, batch(segment(3, "a").replace("\"end_ms\":3900", "\"end_ms\":10"))), 400)
                .jsonPath("$.field").isEqualTo("segments[0].end_ms");
    }

    @Test
    void shouldRejectTextOver2000Characters() {
        String id = openRound(ALICE);
        expectProblem(send(id, batch(segment(1, "ok"), segment(2, "x".repeat(2001)))), 400)
                .jsonPath("$.field").isEqualTo("segments[1].text");
        assertThat(writer.committed).isEmpty();
    }

    @Test
    void shouldRejectMoreThan500Segments() {
        String id = openRound(ALICE);
        String many = IntStream.range(0, 501).mapToObj(i -> segment(i, "w")).collect(Collectors.joining(","));
        expectProblem(send(id, "{\"segments\":[" + many + "]}"), 400).jsonPath("$.field").isEqualTo("segments");
        expectProblem(send(id, "{\"segments\":[]}"), 400).jsonPath("$.field").isEqualTo("segments");
        assertThat(writer.committed).isEmpty();
    }

    @Test
    void shouldAnswer413ForABodyOver1MiB() {
        String id = openRound(ALICE);
        String padding = "x".repeat(1024 * 1024);
        expectProblem(send(id, "{\"segments\":[], \"padding\":\"" + padding + "\"}"), 413);
        assertThat(writer.committed).isEmpty();
    }

    @Test
    void shouldAnswer404ForAnUnknownRound() {
        expectProblem(send("s_unknown", batch(segment(1, "a"))), 404);
    }

    @Test
    void shouldAnswer403ForSomeoneElsesRound() {
        expectProblem(send(openRound(BOB), batch(segment(1, "a"))), 403);
        assertThat(writer.committed).isEmpty();
    }

    @Test
    void shouldAnswer409ForAnEndedRound() {
        expectProblem(send(endedRound(ALICE), batch(segment(1, "a"))), 409);
        assertThat(writer.committed).isEmpty();
    }

    @Test
    void shouldAnswer503WithRetryAfterAndNeverA202WhenKafkaIsDown() {
        String id = openRound(ALICE);
        writer.brokerDown(true);
        expectProblem(send(id, batch(segment(1, "a"))).expectHeader().exists(HttpHeaders.RETRY_AFTER), 503);
    }

    @Test
    void shouldAnswer401WithoutAToken() {
        String id = openRound(ALICE);
        expectProblem(post("/api/sessions/" + id + "/transcript", null).bodyValue(batch(segment(1, "a"))).exchange(),
                401);
    }
}
