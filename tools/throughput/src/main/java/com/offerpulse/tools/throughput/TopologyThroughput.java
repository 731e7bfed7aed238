package com.offerpulse.tools.throughput;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;

import com.offerpulse.contracts.session.EndReason;
import com.offerpulse.contracts.session.SessionEnded;
import com.offerpulse.contracts.session.SessionLifecycleEvent;
import com.offerpulse.contracts.session.SessionStarted;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.contracts.transcript.Speaker;
import com.offerpulse.contracts.transcript.TranscriptSegment;
import com.offerpulse.kafka.embedded.EmbeddedKafkaBroker;
import com.offerpulse.kafka.embedded.TopicProvisioner;
import com.offerpulse.stream.OfferPulseTopology;
import com.offerpulse.stream.StreamSettings;
import com.offerpulse.stream.probability.OfferProbabilityModel;
import com.offerpulse.stream.rounds.RoundEngine;
import com.offerpulse.stream.tagging.SentenceSplitter;
import com.offerpulse.stream.tagging.SentenceTagger;

/**
 * Measures segments per second through the whole stream-processor topology (dedupe, ordering, splitting, tagging,
 * meters, round end, per-user probability) with exactly-once on the in-process broker: writes the input first,
 * then starts the topology and times until its committed offsets reach the end of the input. Bounded in count;
 * loopback only; prints progress.
 */
public final class TopologyThroughput {
    private static final List<String> CHUNKS = List.of(
            "At my last company I owned the checkout service, and it failed about 4% of payments",
            "at peak. I pulled three months of logs and found one retry bug behind 70% of the failures.",
            "So I wrote a fix, added contract tests, and rolled it out to 5% of traffic first.",
            "Um, basically we kind of watched the dashboards for a week and things were a lot better.",
            "Errors dropped from 4% to 0.6% in two weeks and revenue on Black Friday rose 18%.",
            "What I learned is to measure before I fix anything.");

    private TopologyThroughput() {
    }

    public static void main(String[] args) throws Exception {
        ThroughputOptions options;
        try {
            options = ThroughputOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("throughput: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (options == ThroughputOptions.HELP) {
            System.out.print(ThroughputOptions.help());
            return;
        }
        int sessions = options.sessions();
        int perSession = options.segmentsPerSession();
        int threads = options.threads();
        long total = (long) sessions * perSession;
        Path dir = Files.createTempDirectory("offerpulse-throughput");
        System.out.printf("Topology throughput: %d sessions x %d segments = %d segments, %d stream thread(s)%n",
                sessions, perSession, total, threads);
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0)) {
            String bootstrap = broker.bootstrapServers();
            TopicProvisioner.ensureTopics(bootstrap, Topics.ALL, 6, (short) 1, null);
            long writeStart = System.nanoTime();
            produce(bootstrap, sessions, perSession);
            System.out.printf("Input written in %.1f s%n", (System.nanoTime() - writeStart) / 1e9);

            StreamSettings defaults = StreamSettings.defaults();
            StreamSettings settings = new StreamSettings("throughput-" + System.nanoTime(),
                    dir.resolve("streams").toString(), defaults.commitInterval(), defaults.inactivityTimeout(),
                    defaults.timeoutScan(), defaults.endedRetention(), defaults.maxHeldSegments(),
                    defaults.maxHoldTime(), defaults.recentRounds(), threads, 0, -1, defaults.sessionTimeout());
            Properties props = OfferPulseTopology.streamsConfig(settings, bootstrap);
            RoundEngine engine = new RoundEngine(new SentenceSplitter(), SentenceTagger.load(), settings);
            try (KafkaStreams streams = new KafkaStreams(
                    OfferPulseTopology.build(settings, engine, new OfferProbabilityModel()), props);
                    Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                Map<TopicPartition, Long> ends = admin.listOffsets(admin.describeTopics(
                        List.of(Topics.TRANSCRIPT_SEGMENTS.name())).allTopicNames().get().values().stream()
                        .flatMap(d -> d.partitions().stream()
                                .map(p -> new TopicPartition(d.name(), p.partition())))
                        .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()))).all().get()
                        .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
                long start = System.nanoTime();
                streams.start();
                long done = 0;
                while (done < total) {
                    Thread.sleep(1000);
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(
                            settings.applicationId()).partitionsToOffsetAndMetadata().get();
                    done = ends.keySet().stream().mapToLong(tp -> {
                        OffsetAndMetadata o = committed.get(tp);
                        return o == null ? 0 : Math.min(o.offset(), ends.get(tp));
                    }).sum();
                    double secs = (System.nanoTime() - start) / 1e9;
                    System.out.printf("  %5.1f s  %,d / %,d segments  (%,.0f/s so far, state %s)%n", secs, done, total,
                            done / secs, streams.state());
                    if (secs > 600) {
                        System.out.println("Stopping: over the 600 s bound");
                        break;
                    }
                }
                double secs = (System.nanoTime() - start) / 1e9;
                System.out.printf("RESULT segments=%d seconds=%.2f throughput=%,.0f segments/s (exactly_once_v2, "
                        + "includes start-up and the first rebalance)%n", done, secs, done / secs);
            }
        }
    }

    private static void produce(String bootstrap, int sessions, int perSession) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        Instant t0 = Instant.parse("2026-11-26T09:00:00Z");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int s = 0; s < sessions; s++) {
                String session = "s_bench_" + s;
                String user = "u_bench_" + (s % 500);
                Instant t = t0.plusSeconds(s);
                send(producer, Topics.SESSION_LIFECYCLE.name(), session, Topics.SESSION_LIFECYCLE.valueSerde()
                        .serializer().serialize("", (SessionLifecycleEvent) new SessionStarted("e" + s, session, user,
                                "Tell me about a hard problem", "engineer", t)));
                for (int i = 1; i <= perSession; i++) {
                    String text = CHUNKS.get((s + i) % CHUNKS.size());
                    TranscriptSegment seg = new TranscriptSegment(session + ":" + i, session, user, i,
                            Speaker.CANDIDATE, text, i * 2000L, i * 2000L + 1800, true, t.plusMillis(i * 2000L));
                    send(producer, Topics.TRANSCRIPT_SEGMENTS.name(), session,
                            Topics.TRANSCRIPT_SEGMENTS.valueSerde().serializer().serialize("", seg));
                }
                send(producer, Topics.SESSION_LIFECYCLE.name(), session, Topics.SESSION_LIFECYCLE.valueSerde()
                        .serializer().serialize("", (SessionLifecycleEvent) new SessionEnded("x" + s, session, user,
                                EndReason.CLIENT, t.plusSeconds(120))));
            }
            producer.flush();
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, String key, byte[] value) {
        producer.send(new ProducerRecord<>(topic, key, value));
    }
}
