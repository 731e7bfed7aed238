package com.offerpulse.faults.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.offerpulse.contracts.auth.HmacSecret;
import com.offerpulse.contracts.auth.Role;
import com.offerpulse.contracts.auth.TokenIssuer;
import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.contracts.transcript.TranscriptSegment;
import com.offerpulse.faults.support.Api;
import com.offerpulse.faults.support.FaultReport;
import com.offerpulse.faults.support.KafkaNodes;
import com.offerpulse.faults.support.Layout;
import com.offerpulse.faults.support.ServiceProcess;
import com.offerpulse.faults.support.ServiceProcess.Service;
import com.offerpulse.kafka.embedded.TopicProvisioner;
import com.offerpulse.testsupport.kafka.TopicReader;

/**
 * Three KRaft nodes (each its own process, replication 3, min.insync.replicas 2) under an ingest-api process. While
 * clients keep posting transcript batches, the node leading the most segment partitions is killed with SIGKILL.
 * Every segment the API acknowledged with 202 is on the topic afterwards, and writes go on with two nodes.
 */
@Tag("heavy")
class BrokerFailureIT {
    private static final String SECRET = "faults-secret-that-is-at-least-32-bytes-long";
    private static final int PARTITIONS = 6;
    private static final int WRITERS = 4;
    private static final int BATCH = 5;
    private static final Duration START = Duration.ofSeconds(150);
    private static final Duration BEFORE_KILL = Duration.ofSeconds(5);
    private static final Duration AFTER_KILL = Duration.ofSeconds(25);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(200);

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void shouldKeepEveryAcknowledgedSegmentWhenOneBrokerOfThreeIsKilled() throws Exception {
        FaultReport report = new FaultReport("broker-kill");
        Path run = Layout.runDir("broker-kill");
        TokenIssuer tokens = new TokenIssuer(HmacSecret.parse(SECRET));
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        ServiceProcess ingest = null;
        try (KafkaNodes kafka = KafkaNodes.start(run, 3)) {
            TopicProvisioner.ensureTopics(kafka.bootstrap(), Topics.ALL,
                    new TopicProvisioner.TopicSettings(PARTITIONS, (short) 3, 2, Duration.ofDays(1)));
            ingest = ServiceProcess.start("ingest", Service.INGEST, kafka.bootstrap(), SECRET,
                    Map.of("OFFERPULSE_INGEST_TRANSACTIONALIDPREFIX", "faults-ingest-1-"), run).awaitHealthy(START);
            report.setup("3 KRaft nodes " + kafka.bootstrap() + " (topics: " + PARTITIONS + " partitions, replication "
                    + "3, min.insync.replicas 2), " + ingest + ", " + WRITERS + " clients posting " + BATCH
                    + "-segment batches");

            Set<String> acked = ConcurrentHashMap.newKeySet();
            Set<String> refusedThenAcked = ConcurrentHashMap.newKeySet();
            AtomicInteger refused = new AtomicInteger();
            AtomicInteger ackedAfterKill = new AtomicInteger();
            AtomicLong killedAt = new AtomicLong(Long.MAX_VALUE);
            AtomicLong firstAckAfterKill = new AtomicLong(Long.MAX_VALUE);
            long stopAt = System.nanoTime() + BEFORE_KILL.toNanos() + AFTER_KILL.toNanos();
            String base = ingest.baseUrl();
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                String user = "u_bk_" + w;
                String token = tokens.issue(user, user, Set.of(Role.CANDIDATE), Duration.ofHours(1), Instant.now())
                        .token();
                Api.Reply started = Api.post(base + "/api/sessions", token,
                        "{\"question\":\"Tell me about an outage you handled.\",\"target_role\":\"sre\"}");
                assertThat(started.status()).as("start round: %s", started.body()).isEqualTo(201);
                String sid = started.json().get("session_id").asString();
                writers.add(pool.submit(() -> {
                    long seq = 1;
                    boolean retrying = false;
                    while (System.nanoTime() < stopAt) {
                        Api.Reply r = Api.post(base + "/api/sessions/" + sid + "/transcript", token, batch(seq));
                        if (r.status() == 202) {
                            for (long s = seq; s < seq + BATCH; s++) {
                                acked.add(sid + "/" + s);
                                if (retrying) {
                                    refusedThenAcked.add(sid + "/" + s);
                                }
                            }
                            if (System.nanoTime() > killedAt.get()) {
                                ackedAfterKill.addAndGet(BATCH);
                                firstAckAfterKill.compareAndSet(Long.MAX_VALUE, System.nanoTime());
                            }
                            seq += BATCH;
                            retrying = false;
                        } else {
                            // 503 (Kafka did not acknowledge): retry the same batch with the same seqs, as a client
                            // would; a re-sent (session, seq) is dropped downstream.
                            assertThat(r.status()).as("only 202 or 503: %s", r.body()).isIn(503, 0);
                            refused.incrementAndGet();
                            retrying = true;
                            Thread.sleep(RETRY_PAUSE.toMillis());
                        }
                    }
                    return null;
                }));
            }

            Thread.sleep(BEFORE_KILL.toMillis());
            int victim = kafka.busiestLeader(Topics.TRANSCRIPT_SEGMENTS.name());
            int ackedBefore = acked.size();
            long victimPid = kafka.pid(victim);
            killedAt.set(System.nanoTime());
            kafka.kill9(victim);
            report.injected("kill -9 Kafka node " + victim + " (pid " + victimPid + ", " + kafka.address(victim)
                    + "), the leader of the most " + Topics.TRANSCRIPT_SEGMENTS.name() + " partitions, after "
                    + ackedBefore + " acknowledged segments");
            for (Future<?> f : writers) {
                f.get(AFTER_KILL.toSeconds() + 60, TimeUnit.SECONDS);
            }

            Map<String, Integer> onTopic = new HashMap<>();
            List<ConsumerRecord<String, byte[]>> records = TopicReader.readAll(kafka.bootstrap(),
                    Topics.TRANSCRIPT_SEGMENTS.name(), Duration.ofSeconds(60), true);
            for (ConsumerRecord<String, byte[]> r : records) {
                TranscriptSegment s = JsonCodec.decode(r.value(), TranscriptSegment.class);
                onTopic.merge(s.sessionId() + "/" + s.seq(), 1, Integer::sum);
            }
            List<String> lost = acked.stream().filter(k -> !onTopic.containsKey(k)).sorted().toList();
            long duplicated = onTopic.entrySet().stream().filter(e -> e.getValue() > 1).count();
            long underReplicated = kafka.underReplicated(Topics.TRANSCRIPT_SEGMENTS.name());

            assertThat(lost).as("acknowledged segments missing from the topic").isEmpty();
            assertThat(ackedAfterKill.get()).as("writes go on with two of three nodes").isPositive();
            report.verified("all " + acked.size() + " segments answered 202 are on " + Topics.TRANSCRIPT_SEGMENTS.name()
                    + " (read_committed, " + records.size() + " records); " + ackedAfterKill.get() + " of them were "
                    + "acknowledged after the kill, the first " + String.format("%.1f",
                            (firstAckAfterKill.get() - killedAt.get()) / 1e9) + " s after it");
            report.note(refused.get() + " batch attempts answered 503 (retried); " + refusedThenAcked.size()
                    + " segments acknowledged on a retry; " + duplicated + " (session, seq) pairs on the topic twice "
                    + "(a 503'd batch whose commit landed after all; the stream processor drops them); "
                    + underReplicated + " of " + PARTITIONS + " segment partitions under-replicated now");
        } finally {
            pool.shutdownNow();
            if (ingest != null) {
                ingest.close();
            }
            report.note("done in " + report.elapsed().toSeconds() + " s; logs in " + run);
        }
    }

    private static String batch(long fromSeq) {
        StringBuilder b = new StringBuilder("{\"segments\":[");
        for (long s = fromSeq; s < fromSeq + BATCH; s++) {
            if (s > fromSeq) {
                b.append(',');
            }
            b.append("{\"seq\":").append(s).append(",\"speaker\":\"candidate\",\"text\":\"I restored service in step ")
                    .append(s).append(".\",\"start_ms\":").append(s * 1000).append(",\"end_ms\":")
                    .append(s * 1000 + 900).append(",\"final\":true}");
        }
        return b.append("]}").toString();
    }
}
