package com.offerpulse.loadgen.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.loadgen.live.PlatformClient;

/**
 * Samples the server: heap and CPU from {@code /actuator/prometheus} (which needs a token), resident memory from
 * {@code /proc/<pid>/status} when the pid is known, and the stream processor's progress on
 * {@code transcript.segments.v1} from its committed offsets (Kafka Admin on the same loopback broker).
 */
public final class ServerSampler implements AutoCloseable {
    private static final Duration SCRAPE_TIMEOUT = Duration.ofSeconds(10);

    private final PlatformClient client;
    private final String token;
    private final long pid;
    private final String group;
    private final Admin admin;
    private volatile ServerSample latest = ServerSample.NONE;

    public ServerSampler(PlatformClient client, String token, long pid, String kafka, String group) {
        this.client = client;
        this.token = token;
        this.pid = pid;
        this.group = group;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                5_000));
    }

    public ServerSample latest() {
        return latest;
    }

    /** Blocking, a few ms; call from a sampling thread, never from an event loop. */
    public ServerSample sample() {
        PlatformClient.Reply r;
        try {
            r = client.get("/actuator/prometheus", token).timeout(SCRAPE_TIMEOUT).block();
        } catch (RuntimeException slowOrGone) {
            r = null; // a busy server answers late; the Kafka figures below are still worth having
        }
        double heap = 0;
        double cpu = 0;
        double load = 0;
        double accepted = 0;
        if (r != null && r.ok()) {
            heap = PrometheusText.sum(r.body(), "jvm_memory_used_bytes", "area=\"heap\"") / (1024 * 1024);
            cpu = nanToZero(PrometheusText.sum(r.body(), "process_cpu_usage", ""));
            load = nanToZero(PrometheusText.sum(r.body(), "system_load_average_1m", ""));
            accepted = nanToZero(PrometheusText.sum(r.body(), "offerpulse_ingest_segments_accepted_total", ""));
        }
        long[] lag = streamProgress();
        ServerSample previous = latest;
        ServerSample s = new ServerSample(Double.isNaN(heap) || heap == 0 ? previous.heapUsedMb() : heap,
                residentMb(), cpu, load, accepted, lag[0], lag[1]);
        latest = s;
        return s;
    }

    /** {lag, committed} summed over the segment topic's partitions; {-1, -1} when unknown. */
    public long[] streamProgress() {
        try {
            String topic = Topics.TRANSCRIPT_SEGMENTS.name();
            List<TopicPartition> parts = admin.describeTopics(List.of(topic)).allTopicNames().get(5, TimeUnit.SECONDS)
                    .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, Long> ends = admin.listOffsets(parts.stream()
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()))).all().get(5, TimeUnit.SECONDS)
                    .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            long lag = 0;
            long done = 0;
            for (TopicPartition tp : parts) {
                OffsetAndMetadata c = committed.get(tp);
                long at = c == null ? 0 : c.offset();
                done += at;
                lag += Math.max(0, ends.get(tp) - at);
            }
            return new long[] {lag, done};
        } catch (Exception e) {
            return new long[] {-1, -1};
        }
    }

    private double residentMb() {
        if (pid <= 0) {
            return 0;
        }
        return residentMbOf(Path.of("/proc/" + pid + "/status"));
    }

    /** VmRSS of a {@code /proc/<pid>/status} file in MiB; 0 when unreadable. */
    public static double residentMbOf(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (Exception e) {
            // not on Linux or the process is gone
        }
        return 0;
    }

    private static double nanToZero(double d) {
        return Double.isNaN(d) ? 0 : d;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
