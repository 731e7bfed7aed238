package com.offerpulse.tools.replay;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;

import com.offerpulse.stream.OfferPulseTopology;
import com.offerpulse.stream.StreamSettings;
import com.offerpulse.stream.probability.OfferProbabilityModel;
import com.offerpulse.stream.rounds.RoundEngine;
import com.offerpulse.stream.tagging.SentenceSplitter;
import com.offerpulse.stream.tagging.SentenceTagger;

/**
 * Copies the selected input into the sandbox and runs the live topology over it under the sandbox's application
 * id, until every input record and every round outcome has been processed and committed.
 */
final class SandboxRun {
    /** Rounds never end by inactivity in a replay: the live timeouts are part of the copied lifecycle. */
    static final Duration NO_INACTIVITY_TIMEOUT = Duration.ofDays(3650);
    /** Exactly-once commits are slower than in the live service's latency-first setting, and the result is the same. */
    static final Duration COMMIT_INTERVAL = Duration.ofMillis(200);
    private static final Duration POLL = Duration.ofMillis(250);

    private final String bootstrap;
    private final SandboxTopics sandbox;
    private final PrintStream out;
    private final Duration progressInterval;

    SandboxRun(String bootstrap, SandboxTopics sandbox, PrintStream out, Duration progressInterval) {
        this.bootstrap = bootstrap;
        this.sandbox = sandbox;
        this.out = out;
        this.progressInterval = progressInterval;
    }

    /** Writes the copies, one partition per topic, in the order given, with their record times. */
    Duration copy(LiveInput.Prepared input) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "offerpulse-replay-copy-" + sandbox.runId());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        Progress progress = new Progress(out, "copied", input.total(), progressInterval);
        long done = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            String segments = sandbox.requireSandbox(sandbox.names().segments());
            String lifecycle = sandbox.requireSandbox(sandbox.names().lifecycle());
            for (InputRecord r : input.segments()) {
                producer.send(new ProducerRecord<>(segments, 0, r.timestamp(), r.key(), r.value()));
                progress.update(++done);
            }
            for (InputRecord r : input.lifecycle()) {
                producer.send(new ProducerRecord<>(lifecycle, 0, r.timestamp(), r.key(), r.value()));
                progress.update(++done);
            }
            producer.flush();
        }
        progress.finish(done);
        return progress.elapsed();
    }

    /** Runs the topology until it has processed everything copied; returns how long it took. */
    Duration process(OfferProbabilityModel model, long inputRecords, Path stateDir, Duration timeout) throws Exception {
        StreamSettings d = StreamSettings.defaults();
        StreamSettings settings = new StreamSettings(sandbox.applicationId(), stateDir.toString(), COMMIT_INTERVAL,
                NO_INACTIVITY_TIMEOUT, d.timeoutScan(), NO_INACTIVITY_TIMEOUT, d.maxHeldSegments(), d.maxHoldTime(),
                d.recentRounds(), 1, 0, d.replicationFactor(), d.sessionTimeout());
        RoundEngine engine = new RoundEngine(new SentenceSplitter(), SentenceTagger.load(), settings);
        Topology topology = OfferPulseTopology.build(settings, engine, model, sandbox.names());
        sandbox.requireSandbox(topology.describe());
        Progress progress = new Progress(out, "processed", inputRecords, progressInterval);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
                KafkaStreams streams = new KafkaStreams(topology,
                        OfferPulseTopology.streamsConfig(settings, bootstrap))) {
            Throwable[] failure = new Throwable[1];
            streams.setUncaughtExceptionHandler(e -> {
                failure[0] = e;
                return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
                        .SHUTDOWN_CLIENT;
            });
            streams.start();
            long deadline = System.nanoTime() + timeout.toNanos();
            List<TopicPartition> inputs = sandbox.names().inputs().stream().map(t -> new TopicPartition(t, 0)).toList();
            Map<TopicPartition, Long> inputEnds = endOffsets(admin, inputs);
            while (true) {
                if (failure[0] != null) {
                    throw new IllegalStateException("The replay topology failed", failure[0]);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The replay did not finish within " + timeout);
                }
                Thread.sleep(POLL.toMillis());
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(
                        sandbox.applicationId()).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                long done = inputs.stream().mapToLong(tp -> Math.min(offset(committed, tp), inputEnds.get(tp))).sum();
                progress.update(done);
                if (done >= inputRecords && outcomesDrained(admin, committed)) {
                    progress.finish(done);
                    break;
                }
            }
            streams.close(new KafkaStreams.CloseOptions().timeout(Duration.ofSeconds(30)).leaveGroup(true));
        }
        return progress.elapsed();
    }

    /**
     * True when the user processor has committed past the last round outcome on the internal repartition topic (its
     * end offset also counts transaction markers, so the last record's offset is looked up).
     */
    private boolean outcomesDrained(Admin admin, Map<TopicPartition, OffsetAndMetadata> committed) throws Exception {
        String repartition = sandbox.applicationId() + "-" + OfferPulseTopology.ROUND_OUTCOMES + "-repartition";
        List<TopicPartition> partitions;
        try {
            partitions = admin.describeTopics(List.of(repartition)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(repartition).partitions().stream().map(p -> new TopicPartition(repartition, p.partition()))
                    .toList();
        } catch (java.util.concurrent.ExecutionException e) {
            return false; // not created yet
        }
        try (TopicScan scan = new TopicScan(bootstrap)) {
            Map<TopicPartition, Long> ends = scan.ends(partitions);
            for (TopicPartition tp : partitions) {
                long lastRecord = lastRecordOffset(scan, tp, ends.get(tp));
                if (lastRecord >= 0 && offset(committed, tp) <= lastRecord) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The offset of the last committed record of a partition, -1 for none (markers are not records). */
    private static long lastRecordOffset(TopicScan scan, TopicPartition tp, long end) {
        long[] last = {-1};
        long from = Math.max(0, end - 64);
        scan.read(Map.of(tp, new long[] {from, end}), r -> last[0] = Math.max(last[0], r.offset()));
        return last[0];
    }

    private static long offset(Map<TopicPartition, OffsetAndMetadata> committed, TopicPartition tp) {
        OffsetAndMetadata o = committed.get(tp);
        return o == null ? 0 : o.offset();
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, List<TopicPartition> partitions)
            throws Exception {
        Map<TopicPartition, OffsetSpec> query = new HashMap<>();
        partitions.forEach(tp -> query.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, Long> out = new HashMap<>();
        admin.listOffsets(query).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
