package com.offerpulse.testsupport.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.kafka.embedded.EmbeddedKafkaBroker;
import com.offerpulse.kafka.embedded.TopicProvisioner;

/**
 * The shared integration-test Kafka: a Testcontainers {@link KafkaContainer} ({@value #KAFKA_IMAGE}) where a Docker
 * engine answers, otherwise an in-process {@link EmbeddedKafkaBroker} on a fresh temporary directory.
 *
 * <pre>{@code
 * try (TestKafka kafka = TestKafka.start()) {
 *     kafka.ensureTopics(3);
 *     ... kafka.bootstrapServers() ...
 * }
 * }</pre>
 *
 * <p>The Docker probe runs once per JVM and is bounded by {@link #DOCKER_PROBE_TIMEOUT}; any failure or timeout means
 * "no Docker". To skip the probe, set the system property {@value #MODE_PROPERTY} (or the environment variable
 * {@code OFFERPULSE_TEST_KAFKA}) to {@value #KIND_IN_PROCESS} or {@value #KIND_TESTCONTAINERS}; when forced to
 * {@value #KIND_TESTCONTAINERS}, a container that fails to start is an error, whereas after a successful probe it
 * falls back to in-process Kafka with a warning.
 *
 * <p>Both kinds listen on one bootstrap address, do not auto-create topics and use replication factor 1 for
 * internal topics, so transactions and consumer groups work on a single node.
 */
public final class TestKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TestKafka.class);

    /** Image of the Testcontainers broker. */
    public static final String KAFKA_IMAGE = "apache/kafka-native:4.1.0";
    public static final String KIND_TESTCONTAINERS = "testcontainers";
    public static final String KIND_IN_PROCESS = "in-process";
    /** System property forcing a kind: {@value #KIND_IN_PROCESS}, {@value #KIND_TESTCONTAINERS} or {@code auto}. */
    public static final String MODE_PROPERTY = "offerpulse.test.kafka";
    /** Upper bound of the Docker probe. */
    public static final Duration DOCKER_PROBE_TIMEOUT = Duration.ofSeconds(5);

    private enum Choice {
        /** Docker answered the probe: use a container, fall back to in-process if it fails to start. */
        CONTAINER,
        /** Forced by {@value #MODE_PROPERTY}: use a container, fail if it cannot start. */
        CONTAINER_ONLY,
        IN_PROCESS
    }

    private static Choice choice; // guarded by TestKafka.class

    private final String kind;
    private final String bootstrapServers;
    private final KafkaContainer container;
    private final EmbeddedKafkaBroker broker;
    private final Path tempDir;
    private boolean brokerStopped;
    private boolean closed;

    private TestKafka(String kind, String bootstrapServers, KafkaContainer container, EmbeddedKafkaBroker broker,
            Path tempDir) {
        this.kind = kind;
        this.bootstrapServers = bootstrapServers;
        this.container = container;
        this.broker = broker;
        this.tempDir = tempDir;
    }

    /** Starts a broker of the kind this machine supports and returns once it accepts requests. */
    public static TestKafka start() {
        return switch (choose()) {
            case CONTAINER_ONLY -> startContainer();
            case CONTAINER -> startContainerOrInProcess();
            case IN_PROCESS -> startInProcess();
        };
    }

    /** {@code host:port} of the broker; stays the same after {@link #stopBroker()} (connections are then refused). */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** {@value #KIND_TESTCONTAINERS} or {@value #KIND_IN_PROCESS}. */
    public String kind() {
        return kind;
    }

    /**
     * Creates the missing topics of {@link Topics#ALL} with {@code partitions} partitions and replication factor 1.
     *
     * @return the names of the topics created by this call
     */
    public List<String> ensureTopics(int partitions) {
        return TopicProvisioner.ensureTopics(bootstrapServers, Topics.ALL, partitions, (short) 1, null);
    }

    /**
     * Stops the broker (waiting until it is down) so a test can observe behaviour while Kafka is unavailable.
     * Idempotent; {@link #close()} is still required.
     */
    public synchronized void stopBroker() {
        if (brokerStopped) {
            return;
        }
        brokerStopped = true;
        if (container != null) {
            container.stop();
        } else {
            broker.close();
        }
        log.info("Stopped {} Kafka at {}", kind, bootstrapServers);
    }

    /** Stops the broker if still running and deletes its temporary data directory. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stopBroker();
        } finally {
            if (tempDir != null) {
                deleteRecursively(tempDir);
            }
        }
    }

    @Override
    public String toString() {
        return "TestKafka[" + kind + " at " + bootstrapServers + "]";
    }

    // ------------------------------------------------------------------------------------------------------------

    private static TestKafka startContainerOrInProcess() {
        try {
            return startContainer();
        } catch (RuntimeException e) {
            log.warn("Kafka container {} failed to start; falling back to in-process Kafka", KAFKA_IMAGE, e);
            return startInProcess();
        }
    }

    private static TestKafka startContainer() {
        KafkaContainer container = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE))
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .withEnv("KAFKA_NUM_PARTITIONS", "6")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                .withEnv("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1");
        try {
            container.start();
        } catch (RuntimeException e) {
            try {
                container.stop();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        TestKafka kafka = new TestKafka(KIND_TESTCONTAINERS, container.getBootstrapServers(), container, null, null);
        log.info("Started {}", kafka);
        return kafka;
    }

    private static TestKafka startInProcess() {
        Path dir;
        try {
            dir = Files.createTempDirectory("offerpulse-kafka-");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create a temporary directory for in-process Kafka", e);
        }
        try {
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, 0);
            TestKafka kafka = new TestKafka(KIND_IN_PROCESS, broker.bootstrapServers(), null, broker, dir);
            log.info("Started {}", kafka);
            return kafka;
        } catch (RuntimeException e) {
            deleteRecursively(dir);
            throw e;
        }
    }

    /** Decides the kind once per JVM, logging the choice. */
    private static synchronized Choice choose() {
        if (choice == null) {
            String mode = System.getProperty(MODE_PROPERTY, System.getenv("OFFERPULSE_TEST_KAFKA"));
            mode = mode == null ? "auto" : mode.trim().toLowerCase(Locale.ROOT);
            switch (mode) {
                case KIND_IN_PROCESS -> {
                    choice = Choice.IN_PROCESS;
                    log.info("Integration-test Kafka: in-process ({}={})", MODE_PROPERTY, mode);
                }
                case KIND_TESTCONTAINERS -> {
                    choice = Choice.CONTAINER_ONLY;
                    log.info("Integration-test Kafka: Testcontainers {} ({}={})", KAFKA_IMAGE, MODE_PROPERTY, mode);
                }
                default -> {
                    long t0 = System.nanoTime();
                    choice = probeDocker() ? Choice.CONTAINER : Choice.IN_PROCESS;
                    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                    if (choice == Choice.CONTAINER) {
                        log.info("Integration-test Kafka: Testcontainers {} (Docker answered in {} ms)", KAFKA_IMAGE,
                                ms);
                    } else {
                        log.info("Integration-test Kafka: in-process KRaft (no Docker engine; probe took {} ms)", ms);
                    }
                }
            }
        }
        return choice;
    }

    /** True only if Testcontainers finds a Docker engine within {@link #DOCKER_PROBE_TIMEOUT}. Never throws. */
    private static boolean probeDocker() {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "testkafka-docker-probe");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<Boolean> probe = executor.submit(() -> DockerClientFactory.instance().isDockerAvailable());
            return Boolean.TRUE.equals(probe.get(DOCKER_PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (TimeoutException e) {
            log.info("Docker probe gave no answer within {} s; assuming no Docker engine",
                    DOCKER_PROBE_TIMEOUT.toSeconds());
            return false;
        } catch (Throwable e) { // ExecutionException, linkage errors (e.g. no docker-java transport): "no Docker"
            log.debug("Docker probe failed", e);
            return false;
        } finally {
            executor.shutdownNow();
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    log.debug("Cannot delete {}", p, e);
                }
            });
        } catch (IOException e) {
            log.warn("Cannot delete temporary Kafka directory {}", dir, e);
        }
    }
}
