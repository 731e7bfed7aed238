package com.offerpulse.kafka.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A single in-process Kafka node (KRaft, combined broker + controller) built from Kafka's own jars.
 *
 * <p>All data lives in {@link #dataDir()}: the directory is formatted on first use only (when it has no
 * {@code meta.properties}), so stopping and starting again on the same directory keeps the cluster id, every topic
 * and every record. The node listens on, and advertises, {@code 127.0.0.1} only. Topics are never auto-created;
 * use {@link TopicProvisioner}.
 *
 * <p>Not a production broker: replication factor 1 everywhere, one node, no security.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static final String BROKER_LISTENER = "PLAINTEXT";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    /** Attempts when a port we picked ourselves turns out to be taken by the time Kafka binds it. */
    private static final int BIND_ATTEMPTS = 3;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    /** Our own lock on the data directory, held from before formatting until after shutdown. */
    private static final String LOCK_FILE = ".embedded-kafka.lock";

    private final KafkaRaftServer server;
    private final FileLock dirLock;
    private final Path dataDir;
    private final int port;
    private final String clusterId;
    private boolean closed;

    private EmbeddedKafkaBroker(KafkaRaftServer server, FileLock dirLock, Path dataDir, int port, String clusterId) {
        this.server = server;
        this.dirLock = dirLock;
        this.dataDir = dataDir;
        this.port = port;
        this.clusterId = clusterId;
    }

    /**
     * Starts a node keeping its data in {@code dataDir} (created if missing) and returns once the broker answers
     * requests.
     *
     * @param dataDir    log directory and metadata log directory; reusing it after {@link #close()} restarts the same
     *                   cluster with all its topics and records
     * @param brokerPort client port on 127.0.0.1, or 0 to pick a free one (the controller port is always picked free)
     * @throws IllegalStateException if the node cannot start, does not become ready within 30 s, or
     *                               {@code dataDir} is in use by another running node (in this or another process)
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int brokerPort) {
        if (brokerPort < 0 || brokerPort > 65535) {
            throw new IllegalArgumentException("brokerPort must be 0..65535: " + brokerPort);
        }
        Path dir = dataDir.toAbsolutePath().normalize();
        long startedAt = System.nanoTime();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create Kafka data directory " + dir, e);
        }
        // Kafka locks a combined node's log dir only when the broker part starts, after the controller has opened the
        // metadata log in that same dir: a second node on a busy dir would corrupt it and halt the JVM. Lock first.
        FileLock dirLock = lock(dir);
        try {
            return start(dir, brokerPort, dirLock, startedAt);
        } catch (RuntimeException | Error e) {
            release(dirLock);
            throw e;
        }
    }

    private static EmbeddedKafkaBroker start(Path dir, int brokerPort, FileLock dirLock, long startedAt) {
        String clusterId = formatIfNeeded(dir);

        RuntimeException last = null;
        for (int attempt = 1; attempt <= BIND_ATTEMPTS; attempt++) {
            int port = brokerPort == 0 ? freePort() : brokerPort;
            int controllerPort = freePort();
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config(dir, port, controllerPort)),
                    Time.SYSTEM);
            try {
                server.startup();
            } catch (RuntimeException e) {
                shutdownQuietly(server);
                last = e;
                // Ports picked free may have been grabbed by someone else in between: pick again.
                if (isBindFailure(e) && attempt < BIND_ATTEMPTS) {
                    log.debug("Port clash starting embedded Kafka (attempt {}), retrying", attempt, e);
                    continue;
                }
                throw new IllegalStateException("Embedded Kafka failed to start on " + HOST + ":" + port
                        + " (controller port " + controllerPort + ", data dir " + dir + ")"
                        + (isBindFailure(e) ? ": address already in use" : ""), e);
            }
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, dirLock, dir, port, clusterId);
            try {
                broker.awaitReady();
            } catch (RuntimeException e) {
                shutdownQuietly(server);
                throw e;
            }
            log.info("Embedded Kafka ready at {} (cluster {}, data dir {}) in {} ms", broker.bootstrapServers(),
                    clusterId, dir, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
            return broker;
        }
        throw new IllegalStateException("Embedded Kafka failed to start (data dir " + dir + ")", last);
    }

    /** {@code 127.0.0.1:<port>}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    /** The client (PLAINTEXT) port. */
    public int port() {
        return port;
    }

    /** The log directory, also holding the KRaft metadata log. */
    public Path dataDir() {
        return dataDir;
    }

    /** The cluster id stored in the data directory; stable across restarts on the same directory. */
    public String clusterId() {
        return clusterId;
    }

    /** Shuts the node down and waits until it has stopped. Idempotent. Data stays in {@link #dataDir()}. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long t0 = System.nanoTime();
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            release(dirLock);
        }
        log.info("Embedded Kafka at {} stopped in {} ms", bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    }

    // ------------------------------------------------------------------------------------------------------------

    private static Properties config(Path dir, int port, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("listeners", BROKER_LISTENER + "://" + HOST + ":" + port + "," + CONTROLLER_LISTENER + "://" + HOST + ":"
                + controllerPort);
        p.put("advertised.listeners", BROKER_LISTENER + "://" + HOST + ":" + port);
        p.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("inter.broker.listener.name", BROKER_LISTENER);
        p.put("log.dirs", dir.toString());
        p.put("metadata.log.dir", dir.toString());

        // One node: every internal topic has replication factor 1 and min ISR 1.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "6");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "6");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("share.coordinator.state.topic.num.partitions", "6");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");

        p.put("num.partitions", "6");
        p.put("auto.create.topics.enable", "false");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Default is 128 MiB allocated up front; plenty for a dev/test node at a fraction of the heap.
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        return p;
    }

    /** Formats {@code dir} unless it already holds meta.properties; returns the cluster id stored there. */
    private static String formatIfNeeded(Path dir) {
        Path meta = dir.resolve("meta.properties");
        if (Files.exists(meta)) {
            String existing = readClusterId(meta);
            log.debug("Kafka data directory {} already formatted (cluster {})", dir, existing);
            return existing;
        }
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(print)
                    .setNodeId(NODE_ID)
                    .setClusterId(clusterId)
                    .addDirectory(dir.toString())
                    .setMetadataLogDirectory(dir.toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setIgnoreFormatted(true)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka data directory " + dir, e);
        }
        log.debug("Formatted Kafka data directory {}: {}", dir, out.toString(StandardCharsets.UTF_8).trim());
        return clusterId;
    }

    private static String readClusterId(Path meta) {
        Properties props = new Properties();
        try (var in = Files.newInputStream(meta)) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + meta, e);
        }
        String id = props.getProperty("cluster.id");
        if (id == null || id.isBlank()) {
            throw new IllegalStateException(meta + " has no cluster.id; delete the data directory to start afresh");
        }
        return id;
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Map<String, Object> conf = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 50,
                AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 50,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200,
                AdminClientConfig.CLIENT_ID_CONFIG, "embedded-kafka-readiness");
        Exception last = null;
        try (Admin admin = Admin.create(conf)) {
            while (System.nanoTime() < deadline) {
                try {
                    var nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000)).nodes()
                            .get(3, TimeUnit.SECONDS);
                    if (!nodes.isEmpty()) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted waiting for embedded Kafka at " + bootstrapServers(),
                            e);
                } catch (Exception e) {
                    last = e;
                }
                sleep(50);
            }
        }
        throw new IllegalStateException("Embedded Kafka at " + bootstrapServers() + " not ready within "
                + READY_TIMEOUT.toSeconds() + " s", last);
    }

    private static FileLock lock(Path dir) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
        } catch (OverlappingFileLockException e) {
            // Held by this JVM: handled below.
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Cannot lock Kafka data directory " + dir, e);
        }
        closeQuietly(channel);
        throw new IllegalStateException("Kafka data directory " + dir + " is in use by another running Kafka node");
    }

    private static void release(FileLock lock) {
        try {
            lock.release();
        } catch (IOException e) {
            log.debug("Cannot release {}", lock, e);
        } finally {
            closeQuietly(lock.channel());
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                log.debug("Cannot close {}", channel, e);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free port on " + HOST, e);
        }
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && message.contains("failed to bind")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static void shutdownQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            log.debug("Ignoring failure shutting down a Kafka node that failed to start", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted waiting for embedded Kafka", e);
        }
    }
}
