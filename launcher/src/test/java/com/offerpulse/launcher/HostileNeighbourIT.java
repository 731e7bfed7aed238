package com.offerpulse.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import com.offerpulse.contracts.auth.Role;
import com.offerpulse.contracts.deadletter.DeadLetter;
import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.contracts.transcript.TranscriptSegment;
import com.offerpulse.testsupport.kafka.TopicReader;

import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.JsonNode;

/**
 * Issue "one user can never hurt another", end to end on the embedded default: while Mallory pushes every bound to its
 * limit (rounds at the character bound in ordinary and in letterless text, a burst of round starts, ingest and room
 * socket floods, an oversize frame, made-up anonymous ids, a poison record on her round's partition), Alice plays a
 * normal round. Alice's sentences, meters and summary arrive within their usual time, health stays truthful, every
 * segment Mallory was told was accepted is kept, and nothing beyond a bound was accepted.
 */
class HostileNeighbourIT {
    /** The defaults of docs/LIMITS.md this test pushes against. */
    private static final int MAX_SEGMENT_CHARS = 2_000;
    private static final int MAX_ROUND_CHARS = 60_000;
    private static final int MAX_OPEN_ROUNDS = 5;
    private static final int MAX_NEW_ANONYMOUS_IDS = 20;
    private static final int MAX_SENTENCES = 400;
    private static final int MAX_SENTENCE_CHARS = 1_000;
    /** Alice's round must not take more than this, flood or not (an idle machine: about 1 s). */
    private static final Duration ALICE_PATIENCE = Duration.ofSeconds(20);

    private static RunningPlatform platform;
    private static PlatformClient client;
    private static WebTestClient web;
    private final CountDownLatch floodStarted = new CountDownLatch(1);

    @BeforeAll
    static void start() throws Exception {
        platform = PlatformClient.startFresh("hostile");
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
    void shouldKeepANormalRoundFlowingWhileANeighbourPushesEveryBound() throws Exception {
        PlatformClient.Login alice = client.login("alice-neighbour");
        PlatformClient.Login mallory = client.login("mallory-neighbour");
        // Her accomplices: the per-user transcript rate lets one user fill one round at once, so each fills one.
        List<PlatformClient.Login> hostile = List.of(mallory, client.login("mallory-accomplice-1"),
                client.login("mallory-accomplice-2"));

        Duration usual = timeRound(alice, "before the flood");

        Map<String, Integer> acceptedPerRound = new ConcurrentHashMap<>();
        Map<String, PlatformClient.Login> owners = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> flood = new ArrayList<>();
        try {
            flood.add(pool.submit(() -> fillRounds(hostile, acceptedPerRound, owners, outcomes)));
            flood.add(pool.submit(() -> floodSockets(mallory, outcomes)));
            flood.add(pool.submit(() -> floodAnonymousEvents(outcomes)));
            // Alice starts once Mallory's first round at the bound is being written, so the two overlap.
            assertThat(floodStarted.await(60, TimeUnit.SECONDS)).isTrue();

            Duration during = timeRound(alice, "during the flood");
            for (Future<?> f : flood) {
                f.get(120, TimeUnit.SECONDS);
            }
            System.out.printf("hostile-neighbour: Alice's round took %d ms before the flood and %d ms during it; "
                    + "Mallory's outcomes %s; accepted per round %s%n", usual.toMillis(), during.toMillis(),
                    outcomes, acceptedPerRound);
            assertThat(during).isLessThan(ALICE_PATIENCE);
        } finally {
            pool.shutdownNow();
        }

        // Every bound answered with its documented refusal.
        assertThat(outcomes.get("round-chars-422")).as("a batch past the round's character bound").isNotNull();
        assertThat(outcomes.get("user-rate-429")).as("transcript past the user's character rate").isNotNull();
        assertThat(outcomes.get("start-429")).as("round starts past the open-round bound").isNotNull();
        assertThat(outcomes.get("ingest-socket-refused")).as("ingest sockets past the per-user bound").isNotNull();
        assertThat(outcomes.get("room-socket-refused")).as("room sockets past the per-user bound").isNotNull();
        assertThat(outcomes.get("frame-1009")).as("an oversize frame closes its socket").isNotNull();
        assertThat(outcomes.get("events-429")).as("made-up anonymous ids past their bound").isNotNull();
        assertThat(outcomes.getOrDefault("events-202", new AtomicInteger()).get())
                .as("landing views from made-up anonymous ids counted at most up to the bound")
                .isLessThanOrEqualTo(MAX_NEW_ANONYMOUS_IDS);

        // Every accepted segment kept, nothing beyond the bounds.
        List<ConsumerRecord<String, byte[]>> segments = TopicReader.readAll(platform.kafkaBootstrap(),
                Topics.TRANSCRIPT_SEGMENTS.name(), Duration.ofSeconds(20), true);
        for (Map.Entry<String, Integer> round : acceptedPerRound.entrySet()) {
            List<TranscriptSegment> kept = segments.stream().filter(r -> round.getKey().equals(r.key()))
                    .filter(r -> decodes(r.value())).map(r -> JsonCodec.decode(r.value(), TranscriptSegment.class))
                    .toList();
            assertThat(kept).as("segments of " + round.getKey()).hasSize(round.getValue());
            assertThat(kept.stream().mapToInt(s -> s.text().length()).sum()).isLessThanOrEqualTo(MAX_ROUND_CHARS);
        }

        // The read side still answers for everybody, Mallory's own long rounds included.
        for (String sessionId : acceptedPerRound.keySet()) {
            PlatformClient.Login owner = owners.get(sessionId);
            JsonNode transcript = client.awaitJson("/api/sessions/" + sessionId + "/transcript", owner.bearer(),
                    j -> true);
            assertThat(transcript.get("sentences").size()).isLessThanOrEqualTo(MAX_SENTENCES);
            transcript.get("sentences").forEach(
                    sentence -> assertThat(sentence.get("text").asString().length()).isLessThanOrEqualTo(MAX_SENTENCE_CHARS));
        }

        // A poison record on Mallory's partition is quarantined; Alice's next round still flows.
        String poisoned = acceptedPerRound.keySet().iterator().next();
        injectUndecodable(poisoned);
        Duration afterPoison = timeRound(alice, "after a poison record");
        assertThat(afterPoison).isLessThan(ALICE_PATIENCE);
        List<DeadLetter> letters = client.awaitRecords(Topics.DEAD_LETTERS.name(), poisoned, DeadLetter.class,
                l -> !l.isEmpty());
        assertThat(letters).isNotEmpty().allSatisfy(l -> {
            assertThat(l.topic()).isEqualTo(Topics.TRANSCRIPT_SEGMENTS.name());
            assertThat(l.offset()).isNotNegative();
        });
        assertThat(TopicReader.readAll(platform.kafkaBootstrap(), Topics.DEAD_LETTERS.name(), Duration.ofSeconds(10),
                true)).allSatisfy(r -> assertThat(new String(r.value())).doesNotContain("POISON-TEXT"));

        // Health tells the truth, and its details only to an operator.
        web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("UP").jsonPath("$.components").doesNotExist();
        web.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        web.get().uri("/actuator/health").header("Authorization", alice.bearer()).exchange().expectBody()
                .jsonPath("$.components").doesNotExist();
        web.get().uri("/actuator/health/readiness").header("Authorization", "Bearer " + operatorToken()).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.components.kafka.status").isEqualTo("UP")
                .jsonPath("$.components.streams.status").isEqualTo("UP")
                .jsonPath("$.components.backgroundConsumers.status").isEqualTo("UP");
    }

    /** Plays a normal round and returns the time from its first segment to its summary on the read side. */
    private Duration timeRound(PlatformClient.Login user, String when) throws Exception {
        Instant t0 = Instant.now();
        String sessionId = client.playRound(user, "At my last job our checkout API failed 4% of requests at peak.",
                "I traced the failures to one retry bug and I fixed it behind a feature flag.",
                "Errors fell from 4% to 0.5% within two weeks.");
        client.awaitJson("/api/sessions/" + sessionId + "/transcript", user.bearer(), j -> j.toString()
                .contains("Errors fell from 4% to 0.5%"));
        client.awaitJson("/api/sessions/" + sessionId, user.bearer(), j -> j.has("session_score"));
        Duration took = Duration.between(t0, Instant.now());
        System.out.printf("hostile-neighbour: Alice's round %s: %d ms to sentences and summary%n", when, took.toMillis());
        return took;
    }

    /**
     * Rounds at the character bound, in ordinary and in letterless text (one per hostile user), then more transcript
     * at once than the user's rate allows, then a burst of starts.
     */
    private void fillRounds(List<PlatformClient.Login> hostile, Map<String, Integer> accepted,
            Map<String, PlatformClient.Login> owners, Map<String, AtomicInteger> outcomes) {
        PlatformClient.Login mallory = hostile.get(0);
        // Each fill is cut to the segment bound on a whole character (never half a surrogate pair).
        String[] fills = {"We worked on the migration and it went fine overall for the team ".repeat(40),
                "-- -- -- ** ## ".repeat(200), "\uD83D\uDE00\uD83D\uDE80 ".repeat(600)};
        for (int f = 0; f < fills.length; f++) {
            String fill = fills[f];
            PlatformClient.Login user = hostile.get(f);
            String sessionId = startRound(user);
            if (sessionId == null) {
                count(outcomes, "start-429");
                continue;
            }
            int cut = MAX_SEGMENT_CHARS - 2;
            if (Character.isHighSurrogate(fill.charAt(cut - 1))) {
                cut--;
            }
            String text = fill.substring(0, cut);
            long seq = 1;
            int sent = 0;
            while (true) {
                StringBuilder batch = new StringBuilder();
                for (int i = 0; i < 10; i++) {
                    batch.append(i == 0 ? "" : ",").append(PlatformClient.seg(seq + i, text));
                }
                EntityExchangeResult<byte[]> r = web.post().uri("/api/sessions/" + sessionId + "/transcript")
                        .header("Authorization", user.bearer()).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"segments\":[" + batch + "]}").exchange().expectBody().returnResult();
                int status = r.getStatus().value();
                if (status == 202) {
                    floodStarted.countDown();
                    sent += 10;
                    seq += 10;
                    continue;
                }
                count(outcomes, status == 422 ? "round-chars-422" : "transcript-" + status);
                break;
            }
            accepted.put(sessionId, sent);
            owners.put(sessionId, user);
        }
        // Mallory's allowance went into her full round: a new round's first batch must wait.
        String another = startRound(mallory);
        if (another != null) {
            StringBuilder batch = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                batch.append(i == 0 ? "" : ",").append(PlatformClient.seg(i + 1, "x".repeat(MAX_SEGMENT_CHARS)));
            }
            int status = web.post().uri("/api/sessions/" + another + "/transcript")
                    .header("Authorization", mallory.bearer()).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"segments\":[" + batch + "]}").exchange().expectBody().returnResult().getStatus()
                    .value();
            count(outcomes, status == 429 ? "user-rate-429" : "user-rate-" + status);
        }
        for (int i = 0; i < MAX_OPEN_ROUNDS + 3; i++) {
            count(outcomes, startRound(mallory) == null ? "start-429" : "start-201");
        }
    }

    private String startRound(PlatformClient.Login user) {
        EntityExchangeResult<byte[]> r = web.post().uri("/api/sessions").header("Authorization", user.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"question\":\"Tell me about a migration.\"}")
                .exchange().expectBody().returnResult();
        if (r.getStatus().value() == 429) {
            return null;
        }
        assertThat(r.getStatus().value()).isEqualTo(201);
        return JsonCodec.mapper().readTree(r.getResponseBody()).get("session_id").asString();
    }

    /** Ingest and room sockets past the per-user bounds, and one oversize frame. */
    private void floodSockets(PlatformClient.Login mallory, Map<String, AtomicInteger> outcomes) {
        String sessionId = startRound(mallory);
        if (sessionId == null) {
            count(outcomes, "start-429");
            return;
        }
        List<Disposable> open = new CopyOnWriteArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                count(outcomes, holdSocket("/ws/ingest/" + sessionId, mallory, open) ? "ingest-socket-open"
                        : "ingest-socket-refused");
            }
            for (int i = 0; i < 14; i++) {
                count(outcomes, holdSocket("/ws/rooms/" + sessionId, mallory, open) ? "room-socket-open"
                        : "room-socket-refused");
            }
        } finally {
            open.forEach(Disposable::dispose);
        }
        // Sockets are released as their clients go; one more with a frame over the 1 MiB bound.
        AtomicInteger closeCode = new AtomicInteger();
        URI uri = URI.create("ws://127.0.0.1:" + platform.httpPort() + "/ws/ingest/" + sessionId + "?access_token="
                + mallory.token());
        for (int attempt = 0; attempt < 20 && closeCode.get() == 0; attempt++) {
            try {
                new ReactorNettyWebSocketClient().execute(uri, ws -> ws.send(Mono.just(ws.textMessage("x".repeat(1_100_000))))
                        .then(ws.closeStatus().doOnNext(s -> closeCode.set(s.getCode()))).then())
                        .block(Duration.ofSeconds(10));
            } catch (RuntimeException refusedWhileOthersClose) {
                sleep(200);
            }
        }
        count(outcomes, closeCode.get() == CloseStatus.TOO_BIG_TO_PROCESS.getCode() ? "frame-1009"
                : "frame-close-" + closeCode.get());
    }

    /** Opens a socket and keeps it open (until disposed); false when the handshake is refused. */
    private boolean holdSocket(String path, PlatformClient.Login user, List<Disposable> open) {
        URI uri = URI.create("ws://127.0.0.1:" + platform.httpPort() + path + "?access_token=" + user.token());
        Sinks.One<Boolean> connected = Sinks.one();
        Disposable d = new ReactorNettyWebSocketClient().execute(uri, ws -> {
            connected.tryEmitValue(true);
            return ws.receive().map(WebSocketMessage::getPayloadAsText).then();
        }).subscribe(v -> { }, e -> connected.tryEmitValue(false));
        open.add(d);
        Boolean ok = connected.asMono().block(Duration.ofSeconds(10));
        return Boolean.TRUE.equals(ok);
    }

    /** Landing views under made-up anonymous ids, as a script inflating the funnel would send them. */
    private void floodAnonymousEvents(Map<String, AtomicInteger> outcomes) {
        for (int i = 0; i < 60; i++) {
            int status = web.post().uri("/api/events").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"name\":\"landing_view\",\"anonymous_id\":\"made-up-" + i + "\"}").exchange()
                    .expectBody().returnResult().getStatus().value();
            count(outcomes, status == 429 ? "events-429" : "events-" + status);
        }
    }

    private void injectUndecodable(String sessionId) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(Topics.TRANSCRIPT_SEGMENTS.name(), sessionId,
                    "{\"text\":\"POISON-TEXT\",\"seq\":\"not a number\"".getBytes())).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not inject the poison record", e);
        }
    }

    /** The operator's token, as `./offerpulse admin token operator` makes it from the data directory's key. */
    private String operatorToken() {
        return client.withRole(Role.OPERATOR, "u_operator").token();
    }

    private static boolean decodes(byte[] value) {
        try {
            JsonCodec.decode(value, TranscriptSegment.class);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void count(Map<String, AtomicInteger> outcomes, String what) {
        outcomes.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
