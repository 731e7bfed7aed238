package com.offerpulse.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.offerpulse.contracts.analytics.SentenceTag;
import com.offerpulse.contracts.analytics.TaggedSentence;
import com.offerpulse.contracts.analytics.WeakSpan;
import com.offerpulse.contracts.analytics.WeakSpanKind;
import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.contracts.session.SessionDeleted;
import com.offerpulse.contracts.session.SessionStarted;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.query.support.QueryInstance;
import com.offerpulse.testsupport.auth.TestTokens;
import com.offerpulse.testsupport.kafka.TestKafka;

import tools.jackson.databind.JsonNode;

/**
 * Rounds whose sentences live one per key, read across two instances on a real broker: every round's transcript is
 * the same, complete and in order whichever instance is asked (the sentence store is found on the session id's
 * partition, locally or after forwarding). One round is at every bound (400 sentences of 1,000 characters): before
 * sentences had their own store this alone pushed the view past the producer's 1 MiB and stopped every view.
 */
class SessionTranscriptInstancesIT {
    private static final String USER = "u_transcripts";
    private static final int ROUNDS = 12;
    private static final int SENTENCES = 25;
    private static final String BIG = "s_at_every_bound";
    private static final int BIG_SENTENCES = 400;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path dirs;

    @Test
    void shouldServeEveryRoundsTranscriptInOrderFromEitherInstanceAndForgetADeletedOne() throws Exception {
        try (TestKafka kafka = TestKafka.start()) {
            kafka.ensureTopics(6);
            List<String> rounds = new ArrayList<>();
            try (KafkaProducer<String, byte[]> producer = producer(kafka)) {
                for (int r = 0; r < ROUNDS; r++) {
                    String session = "s_round_" + r;
                    rounds.add(session);
                    produceRound(producer, session, SENTENCES, "Sentence of " + session + ".");
                }
                rounds.add(BIG);
                produceRound(producer, BIG, BIG_SENTENCES, "x".repeat(999) + ".");
            }

            QueryInstance a = QueryInstance.start(kafka.bootstrapServers(), dirs.resolve("a"), "q-transcripts");
            QueryInstance b = QueryInstance.start(kafka.bootstrapServers(), dirs.resolve("b"), "q-transcripts");
            try {
                for (String session : rounds) {
                    int count = session.equals(BIG) ? BIG_SENTENCES : SENTENCES;
                    byte[] fromA = awaitTranscript(a, session, count);
                    byte[] fromB = awaitTranscript(b, session, count);
                    assertThat(fromB).as(session).isEqualTo(fromA);
                    JsonNode sentences = JsonCodec.mapper().readTree(fromA).get("sentences");
                    for (int i = 0; i < count; i++) {
                        assertThat(sentences.get(i).get("index").asInt()).as(session + " in index order").isEqualTo(i);
                    }
                }

                try (KafkaProducer<String, byte[]> producer = producer(kafka)) {
                    producer.send(record(Topics.SESSION_LIFECYCLE.name(), BIG,
                            new SessionDeleted("del", BIG, USER, T.plusSeconds(60))));
                    // A late sentence of the deleted round must not bring it back.
                    producer.send(record(Topics.TRANSCRIPT_SENTENCES.name(), BIG, sentence(BIG, BIG_SENTENCES, "Late.")));
                }
                awaitStatus(a, BIG, 404);
                awaitStatus(b, BIG, 404);
                assertThat(transcript(a, rounds.get(0)).statusCode()).as("other rounds stay").isEqualTo(200);
            } finally {
                b.close();
                a.close();
            }
        }
    }

    private static KafkaProducer<String, byte[]> producer(TestKafka kafka) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    private static void produceRound(KafkaProducer<String, byte[]> producer, String session, int sentences,
            String text) {
        producer.send(record(Topics.SESSION_LIFECYCLE.name(), session,
                new SessionStarted("start-" + session, session, USER, "Tell me about a launch", "pm", T)));
        for (int i = sentences - 1; i >= 0; i--) {
            // Written last to first: the order of the answer comes from the keys, not from arrival.
            producer.send(record(Topics.TRANSCRIPT_SENTENCES.name(), session, sentence(session, i, text)));
        }
    }

    private static TaggedSentence sentence(String session, int index, String text) {
        return new TaggedSentence(session, index + 1L, index, text, SentenceTag.ACTION,
                List.of(new WeakSpan(0, 1, WeakSpanKind.VAGUE, "Say what you did")));
    }

    private static ProducerRecord<String, byte[]> record(String topic, String key, Object value) {
        return new ProducerRecord<>(topic, key, JsonCodec.encode(value));
    }

    private static HttpResponse<byte[]> transcript(QueryInstance q, String session) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(q.baseUrl() + "/api/sessions/" + session + "/transcript"))
                .header("Authorization", "Bearer " + TestTokens.forUser(USER)).timeout(Duration.ofSeconds(20))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Polls (a deadline, as the other instance ITs do) until the transcript is complete. */
    private static byte[] awaitTranscript(QueryInstance q, String session, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            HttpResponse<byte[]> r = transcript(q, session);
            if (r.statusCode() == 200) {
                int got = JsonCodec.mapper().readTree(r.body()).get("sentences").size();
                if (got == count) {
                    return r.body();
                }
                last = got + " sentences";
            } else {
                assertThat(r.statusCode()).as("only 200, or 404/503 while the views fill").isIn(200, 404, 503);
                last = "status " + r.statusCode();
            }
            Thread.sleep(200);
        }
        throw new AssertionError(session + ": transcript not complete in time (" + last + ")");
    }

    private static void awaitStatus(QueryInstance q, String session, int status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = transcript(q, session).statusCode();
            if (last == status) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(session + ": expected " + status + " but last was " + last);
    }
}
