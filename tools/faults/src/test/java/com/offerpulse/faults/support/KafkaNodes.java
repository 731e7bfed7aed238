package com.offerpulse.faults.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

import com.offerpulse.faults.cluster.BrokerWait;
import com.offerpulse.faults.cluster.NodeTemplate;

/**
 * A KRaft cluster of combined broker+controller nodes, each its own {@code kafka.Kafka} process configured from
 * {@code infra/kafka/node.properties} (the file infra/cluster.sh uses), on free loopback ports.
 */
public final class KafkaNodes implements AutoCloseable {
    private static final String HOST = "127.0.0.1";
    private static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx320m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");
    private static final Duration READY = Duration.ofSeconds(120);

    private final List<Process> nodes;
    private final List<Integer> clientPorts;

    private KafkaNodes(List<Process> nodes, List<Integer> clientPorts) {
        this.nodes = nodes;
        this.clientPorts = clientPorts;
    }

    /** Formats {@code count} nodes under {@code dir}, starts them and waits until all are registered brokers. */
    public static KafkaNodes start(Path dir, int count) throws InterruptedException {
        int[] client = new int[count];
        int[] controller = new int[count];
        for (int i = 0; i < count; i++) {
            client[i] = Ports.free();
            controller[i] = Ports.free();
        }
        String voters = NodeTemplate.quorumVoters(HOST, controller);
        String clusterId = Uuid.randomUuid().toString();
        List<Process> processes = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        KafkaNodes cluster = new KafkaNodes(processes, ports);
        try {
            for (int i = 0; i < count; i++) {
                int nodeId = i + 1;
                Path logDir = dir.resolve("node-" + nodeId);
                Files.createDirectories(logDir);
                Path props = dir.resolve("node-" + nodeId + ".properties");
                Files.writeString(props, NodeTemplate.render(Layout.kafkaNodeTemplate(), Map.of(
                        "NODE_ID", String.valueOf(nodeId), "QUORUM_VOTERS", voters, "HOST", HOST,
                        "CLIENT_PORT", String.valueOf(client[i]), "CONTROLLER_PORT", String.valueOf(controller[i]),
                        "LOG_DIR", logDir.toString())));
                format(nodeId, clusterId, logDir);
                List<String> command = new ArrayList<>();
                command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
                command.addAll(JVM_OPTIONS);
                command.add("-Dlogback.configurationFile=" + Layout.kafkaLogback());
                command.add("-cp");
                command.add(Layout.brokerClassPath());
                command.add("kafka.Kafka");
                command.add(props.toString());
                ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("kafka-" + nodeId + ".log")
                                .toFile()));
                processes.add(Processes.track(pb.start()));
                ports.add(client[i]);
            }
            BrokerWait.awaitBrokers(cluster.bootstrap(), count, READY);
            return cluster;
        } catch (IOException e) {
            cluster.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | InterruptedException e) {
            cluster.close();
            throw e;
        }
    }

    private static void format(int nodeId, String clusterId, Path logDir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            new Formatter().setPrintStream(print).setNodeId(nodeId).setClusterId(clusterId)
                    .addDirectory(logDir.toString()).setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName("CONTROLLER").setReleaseVersion(MetadataVersion.latestProduction())
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES).setIgnoreFormatted(true).run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format node " + nodeId + ": " + out, e);
        }
    }

    /** Every node's client address, comma-separated. */
    public String bootstrap() {
        return String.join(",", clientPorts.stream().map(p -> HOST + ":" + p).toList());
    }

    /** The client address of node {@code nodeId} (1-based). */
    public String address(int nodeId) {
        return HOST + ":" + clientPorts.get(nodeId - 1);
    }

    public long pid(int nodeId) {
        return nodes.get(nodeId - 1).pid();
    }

    /** SIGKILL node {@code nodeId} (1-based) and wait until it is gone. */
    public void kill9(int nodeId) throws InterruptedException {
        Process p = nodes.get(nodeId - 1);
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
    }

    /** The node leading the most partitions of {@code topic} (ties: the lowest id). */
    public int busiestLeader(String topic) throws Exception {
        try (Admin admin = admin()) {
            TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic);
            int[] led = new int[nodes.size() + 1];
            d.partitions().forEach(p -> led[p.leader().id()]++);
            int best = 1;
            for (int id = 2; id < led.length; id++) {
                if (led[id] > led[best]) {
                    best = id;
                }
            }
            return best;
        }
    }

    /** Partitions of {@code topic} whose in-sync replica set is smaller than the replication factor. */
    public long underReplicated(String topic) throws Exception {
        try (Admin admin = admin()) {
            TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic);
            return d.partitions().stream().filter(p -> p.isr().size() < p.replicas().size()).count();
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
    }

    /** Every node at once (one by one, the last would lose its controller quorum mid-shutdown), then SIGKILL. */
    @Override
    public void close() {
        nodes.forEach(Process::destroy);
        for (Process p : nodes) {
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
