package com.offerpulse.faults.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.GroupState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.offerpulse.contracts.analytics.SessionSummary;
import com.offerpulse.contracts.analytics.TaggedSentence;
import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.faults.support.FaultReport;
import com.offerpulse.faults.support.Layout;
import com.offerpulse.faults.support.Rounds;
import com.offerpulse.faults.support.ServiceProcess;
import com.offerpulse.faults.support.ServiceProcess.Service;
import com.offerpulse.testsupport.kafka.TestKafka;
import com.offerpulse.testsupport.kafka.TopicReader;

/**
 * Two stream-processor processes share the work (6 partitions, one standby each); one is killed with SIGKILL while
 * rounds stream in. The other takes its partitions over, and the committed output holds every sentence exactly
 * once and every round's summary exactly once.
 */
class StreamProcessorFailoverIT {
    private static final String SECRET = "faults-secret-that-is-at-least-32-bytes-long";
    private static final int PARTITIONS = 6;
    private static final int ROUNDS = 12;
    private static final int SEGMENTS = 40;
    /** Segments of every round written before the kill; the rest are written while the survivor takes over. */
    private static final int KILL_AFTER = 16;
    private static final Duration TICK = Duration.ofMillis(150);
    private static final Duration START = Duration.ofSeconds(150);
    private static final Duration COMPLETE = Duration.ofSeconds(120);
    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void shouldKeepEverySentenceExactlyOnceWhenOneStreamProcessorIsKilledMidStream() throws Exception {
        FaultReport report = new FaultReport("stream-processor-kill");
        Path run = Layout.runDir("stream-processor-kill");
        String appId = "faults-stream-" + System.currentTimeMillis();
        List<ServiceProcess> processes = new ArrayList<>();
        try (TestKafka kafka = TestKafka.start(); Rounds rounds = new Rounds(kafka.bootstrapServers())) {
            kafka.ensureTopics(PARTITIONS);
            Map<String, String> env = Map.of("OFFERPULSE_STREAM_APPLICATIONID", appId,
                    "OFFERPULSE_STREAM_STANDBYREPLICAS", "1", "OFFERPULSE_STREAM_SESSIONTIMEOUT", "6s");
            for (String name : List.of("stream-a", "stream-b")) {
                Map<String, String> own = new HashMap<>(env);
                own.put("OFFERPULSE_STREAM_STATEDIR", run.resolve(name + "-state").toString());
                processes.add(ServiceProcess.start(name, Service.STREAM, kafka.bootstrapServers(), SECRET, own, run));
            }
            for (ServiceProcess p : processes) {
                p.awaitHealthy(START);
            }
            ServiceProcess victim = processes.get(0);
            ServiceProcess survivor = processes.get(1);
            awaitBothActive(kafka.bootstrapServers(), appId);
            report.setup("broker " + kafka.bootstrapServers() + " (" + PARTITIONS + " partitions), " + victim + " and "
                    + survivor + ", both with active tasks, standby replicas 1, session timeout 6 s");

            List<String> sessions = new ArrayList<>();
            for (int r = 0; r < ROUNDS; r++) {
                sessions.add(Rounds.newSessionId());
                rounds.start(sessions.get(r), user(r));
            }
            for (long seq = 1; seq <= KILL_AFTER; seq++) {
                tick(rounds, sessions, seq);
            }
            Set<Integer> victimPartitions = ownedBy(awaitBothActive(kafka.bootstrapServers(), appId),
                    run.resolve("stream-a-state"), appId);
            long onVictim = sessions.stream()
                    .filter(s -> victimPartitions.contains(Rounds.partitionOf(s, PARTITIONS))).count();
            // Kill right after a batch went out, while the victim is most likely inside a transaction with it.
            for (int r = 0; r < ROUNDS; r++) {
                rounds.segment(sessions.get(r), user(r), r, KILL_AFTER + 1);
            }
            victim.kill9();
            long killedAt = System.nanoTime();
            report.injected("kill -9 " + victim + " after " + (KILL_AFTER + 1) + " of " + SEGMENTS
                    + " segments of each of " + ROUNDS + " rounds; it owned segment partitions " + victimPartitions + " (" + onVictim
                    + " rounds)");
            assertThat(victimPartitions).as("the killed instance was processing rounds").isNotEmpty();

            for (long seq = KILL_AFTER + 2; seq <= SEGMENTS; seq++) {
                tick(rounds, sessions, seq);
            }
            for (int r = 0; r < ROUNDS; r++) {
                rounds.end(sessions.get(r), user(r));
            }

            int expected = ROUNDS * SEGMENTS * 2;
            awaitSentences(kafka.bootstrapServers(), expected);
            List<SessionSummary> summaries = awaitSummaries(kafka.bootstrapServers(), ROUNDS);
            double caughtUp = (System.nanoTime() - killedAt) / 1e9;
            // Summaries follow every sentence of their round: read the sentences again, now complete.
            List<TaggedSentence> sentences = readSentences(kafka.bootstrapServers());

            Map<String, Integer> perTriple = new HashMap<>();
            Map<String, Integer> perSentence = new HashMap<>();
            for (TaggedSentence s : sentences) {
                perTriple.merge(s.sessionId() + "/" + s.seq() + "/" + s.index(), 1, Integer::sum);
                perSentence.merge(s.sessionId() + "/" + s.index(), 1, Integer::sum);
            }
            assertThat(perTriple.values()).as("each (session_id, seq, index) once").allMatch(n -> n == 1);
            assertThat(perSentence.values()).as("each (session_id, index) once").allMatch(n -> n == 1);
            assertThat(sentences).hasSize(expected);
            for (int r = 0; r < ROUNDS; r++) {
                String sid = sessions.get(r);
                List<String> want = new ArrayList<>();
                for (long seq = 1; seq <= SEGMENTS; seq++) {
                    want.addAll(Rounds.sentencesOf(r, seq));
                }
                List<String> got = sentences.stream().filter(s -> s.sessionId().equals(sid))
                        .sorted(java.util.Comparator.comparingInt(TaggedSentence::index))
                        .map(TaggedSentence::text).toList();
                assertThat(got).as("sentences of round %d in order", r).containsExactlyElementsOf(want);
            }
            Map<String, Long> summaryCount = new HashMap<>();
            summaries.forEach(s -> summaryCount.merge(s.sessionId(), 1L, Long::sum));
            assertThat(summaryCount).as("one summary per round").hasSize(ROUNDS).allSatisfy((k, v) ->
                    assertThat(v).isEqualTo(1L));
            assertThat(summaries).allSatisfy(s -> assertThat(s.sentenceCount()).isEqualTo(SEGMENTS * 2));

            long uncommitted = TopicReader.readAll(kafka.bootstrapServers(), Topics.TRANSCRIPT_SENTENCES.name(),
                    Duration.ofSeconds(30), false).size();
            report.verified(expected + " sentences (read_committed): each (session_id, seq, index) exactly once, every "
                    + "round's sentences complete and in order; " + ROUNDS + " summaries, one per round, each counting "
                    + SEGMENTS * 2 + " sentences; all there " + String.format("%.1f", caughtUp) + " s after the kill");
            report.note("read_uncommitted sees " + uncommitted + " sentence records: " + (uncommitted - expected)
                    + " more, written by the killed instance's open transaction and aborted");
            assertThat(survivor.alive()).isTrue();
        } finally {
            processes.forEach(ServiceProcess::close);
            report.note("done in " + report.elapsed().toSeconds() + " s; logs in " + run);
        }
    }

    private static String user(int round) {
        return "u_fault_" + (round % 4);
    }

    private static void tick(Rounds rounds, List<String> sessions, long seq) throws Exception {
        for (int r = 0; r < sessions.size(); r++) {
            rounds.segment(sessions.get(r), user(r), r, seq);
        }
        Thread.sleep(TICK.toMillis()); // pacing the producer like a speaker, not waiting for a result
    }

    /**
     * Until the group is stable with two members that both own partitions of the segments topic; returns the
     * segment partitions each member owns, by Kafka Streams process id.
     */
    private static Map<String, Set<Integer>> awaitBothActive(String bootstrap, String appId) throws Exception {
        long deadline = System.nanoTime() + START.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            while (System.nanoTime() < deadline) {
                ConsumerGroupDescription g = admin.describeConsumerGroups(List.of(appId)).all()
                        .get(10, TimeUnit.SECONDS).get(appId);
                Map<String, Set<Integer>> owned = new HashMap<>();
                for (MemberDescription m : g.members()) {
                    Set<Integer> partitions = new TreeSet<>();
                    m.assignment().topicPartitions().stream()
                            .filter(tp -> tp.topic().equals(Topics.TRANSCRIPT_SEGMENTS.name()))
                            .forEach(tp -> partitions.add(tp.partition()));
                    if (!partitions.isEmpty()) {
                        owned.put(m.clientId(), partitions);
                    }
                }
                if (g.groupState() == GroupState.STABLE && g.members().size() == 2 && owned.size() == 2) {
                    return owned;
                }
                Thread.sleep(500);
            }
        }
        throw new AssertionError("The two stream processors never both owned segment partitions");
    }

    /** The segment partitions an instance owns: its member's client id carries its persisted Streams process id. */
    private static Set<Integer> ownedBy(Map<String, Set<Integer>> byClientId, Path stateDir, String appId)
            throws Exception {
        String metadata = Files.readString(stateDir.resolve(appId).resolve("kafka-streams-process-metadata"));
        String processId = JsonCodec.mapper().readTree(metadata).get("processId").asString();
        return byClientId.entrySet().stream().filter(e -> e.getKey().contains(processId)).findFirst()
                .map(Map.Entry::getValue).orElse(Set.of());
    }

    private static List<TaggedSentence> awaitSentences(String bootstrap, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + COMPLETE.toNanos();
        List<TaggedSentence> out = List.of();
        while (System.nanoTime() < deadline) {
            out = readSentences(bootstrap);
            Set<String> distinct = new HashSet<>();
            out.forEach(s -> distinct.add(s.sessionId() + "/" + s.index()));
            if (distinct.size() >= expected) {
                return out;
            }
            Thread.sleep(1_000);
        }
        return out;
    }

    private static List<TaggedSentence> readSentences(String bootstrap) {
        return TopicReader.readAll(bootstrap, Topics.TRANSCRIPT_SENTENCES.name(), Duration.ofSeconds(30), true)
                .stream().map(ConsumerRecord::value).map(v -> JsonCodec.decode(v, TaggedSentence.class)).toList();
    }

    private static List<SessionSummary> awaitSummaries(String bootstrap, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + COMPLETE.toNanos();
        List<SessionSummary> out = List.of();
        while (System.nanoTime() < deadline) {
            out = TopicReader.readAll(bootstrap, Topics.SESSION_SUMMARIES.name(), Duration.ofSeconds(30), true)
                    .stream().map(ConsumerRecord::value).map(v -> JsonCodec.decode(v, SessionSummary.class)).toList();
            if (out.size() >= expected) {
                return out;
            }
            Thread.sleep(1_000);
        }
        return out;
    }
}
