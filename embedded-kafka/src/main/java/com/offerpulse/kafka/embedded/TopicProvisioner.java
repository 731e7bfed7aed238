package com.offerpulse.kafka.embedded;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.offerpulse.contracts.topic.Topic;

/**
 * Idempotent topic creation from the {@link Topic} registry.
 *
 * <p>Each topic is created with the requested partition count and replication factor; topics that already exist are
 * left untouched (their partitions and configs are <em>not</em> changed). Per-topic configs:
 * <ul>
 * <li>{@link Topic.Cleanup#COMPACT compacted} topics: {@code cleanup.policy=compact} (no retention.ms: the latest
 * value per key is kept forever);</li>
 * <li>{@link Topic.Cleanup#DELETE delete} topics: {@code cleanup.policy=delete} and {@code retention.ms} from
 * {@link TopicSettings#retention()} ({@link #DEFAULT_RETENTION 7 days} in the short overload);</li>
 * <li>all topics: {@code min.insync.replicas} when {@link TopicSettings#minInsyncReplicas()} is non-null.</li>
 * </ul>
 * Every call is bounded: it gives up after {@link #TIMEOUT 30 s} with an {@link IllegalStateException} naming the
 * bootstrap servers. On return, every partition of every newly created topic has a leader that serves it.
 */
public final class TopicProvisioner {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

    /** Retention of delete-policy topics in {@link #ensureTopics(String, Collection, int, short, Integer)}. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);
    /** Upper bound of one {@code ensureTopics} call. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private TopicProvisioner() {
    }

    /**
     * How to create missing topics.
     *
     * @param partitions        partitions of each created topic (&ge; 1)
     * @param replicationFactor replication factor of each created topic (&ge; 1)
     * @param minInsyncReplicas {@code min.insync.replicas} of each created topic, or {@code null} for the broker default
     * @param retention         {@code retention.ms} of delete-policy topics, or {@code null} for the broker default;
     *                          ignored for compacted topics
     */
    public record TopicSettings(int partitions, short replicationFactor, Integer minInsyncReplicas,
            Duration retention) {
        public TopicSettings {
            if (partitions < 1) {
                throw new IllegalArgumentException("partitions must be >= 1: " + partitions);
            }
            if (replicationFactor < 1) {
                throw new IllegalArgumentException("replicationFactor must be >= 1: " + replicationFactor);
            }
            if (minInsyncReplicas != null && (minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor)) {
                throw new IllegalArgumentException(
                        "minInsyncReplicas must be 1.." + replicationFactor + ": " + minInsyncReplicas);
            }
            if (retention != null && (retention.isNegative() || retention.isZero())) {
                throw new IllegalArgumentException("retention must be positive: " + retention);
            }
        }
    }

    /**
     * Creates the missing ones of {@code topics}, delete-policy topics keeping records for {@link #DEFAULT_RETENTION
     * 7 days}.
     *
     * @param minInsyncReplicas {@code null} for the broker default
     * @return names of the topics this call created, in the order given; empty when all existed already
     * @throws IllegalStateException when the cluster at {@code bootstrapServers} cannot be reached or refuses a topic
     */
    public static List<String> ensureTopics(String bootstrapServers, Collection<? extends Topic<?, ?>> topics,
            int partitions, short replicationFactor, Integer minInsyncReplicas) {
        return ensureTopics(bootstrapServers, topics,
                new TopicSettings(partitions, replicationFactor, minInsyncReplicas, DEFAULT_RETENTION));
    }

    /**
     * Creates the missing ones of {@code topics} as described by {@code settings}.
     *
     * @return names of the topics this call created, in the order given; empty when all existed already
     * @throws IllegalStateException when the cluster at {@code bootstrapServers} cannot be reached or refuses a topic
     */
    public static List<String> ensureTopics(String bootstrapServers, Collection<? extends Topic<?, ?>> topics,
            TopicSettings settings) {
        return ensureTopics(bootstrapServers, Map.of(), topics, settings);
    }

    /** As above, with extra client settings (TLS, SASL) for a secured cluster. */
    public static List<String> ensureTopics(String bootstrapServers, Map<String, String> clientProperties,
            Collection<? extends Topic<?, ?>> topics, TopicSettings settings) {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(settings, "settings");
        Map<String, NewTopic> wanted = new LinkedHashMap<>();
        for (Topic<?, ?> topic : topics) {
            wanted.putIfAbsent(topic.name(), newTopic(topic, settings));
        }
        if (wanted.isEmpty()) {
            return List.of();
        }
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        int timeoutMs = (int) TIMEOUT.toMillis();
        Map<String, Object> conf = new java.util.HashMap<>(clientProperties);
        conf.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        conf.put(AdminClientConfig.CLIENT_ID_CONFIG, "offerpulse-topic-provisioner");
        conf.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        conf.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        conf.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        try (Admin admin = Admin.create(conf)) {
            Map<String, KafkaFuture<Void>> results = admin
                    .createTopics(wanted.values(), new CreateTopicsOptions().timeoutMs(timeoutMs))
                    .values();
            List<String> created = new ArrayList<>();
            for (String name : wanted.keySet()) {
                try {
                    results.get(name).get(remainingMs(deadline), TimeUnit.MILLISECONDS);
                    created.add(name);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw failure("cannot create topic " + name, bootstrapServers, e.getCause());
                    }
                }
            }
            if (!created.isEmpty()) {
                awaitServed(admin, created, deadline);
                log.info("Created topics {} on {}", created, bootstrapServers);
            } else {
                log.debug("All {} topics already exist on {}", wanted.size(), bootstrapServers);
            }
            return List.copyOf(created);
        } catch (TimeoutException e) {
            throw failure("timed out after " + TIMEOUT.toSeconds() + " s", bootstrapServers, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted", bootstrapServers, e);
        }
    }

    private static NewTopic newTopic(Topic<?, ?> topic, TopicSettings settings) {
        Map<String, String> configs = new HashMap<>();
        if (topic.compacted()) {
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        } else {
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
            if (settings.retention() != null) {
                configs.put(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(settings.retention().toMillis()));
            }
        }
        if (settings.minInsyncReplicas() != null) {
            configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(settings.minInsyncReplicas()));
        }
        return new NewTopic(topic.name(), settings.partitions(), settings.replicationFactor()).configs(configs);
    }

    /**
     * Waits until every partition of the created topics has a leader that serves it. A leader in the metadata is not
     * enough: the broker publishes metadata before its replica manager hosts the partition, so the first produce can
     * still fail with NOT_LEADER_OR_FOLLOWER. ListOffsets is answered by the replica manager itself.
     */
    private static void awaitServed(Admin admin, List<String> names, long deadline)
            throws InterruptedException, TimeoutException {
        while (true) {
            try {
                Map<String, TopicDescription> descriptions = admin.describeTopics(names,
                        new DescribeTopicsOptions().timeoutMs(remainingMs(deadline)))
                        .allTopicNames()
                        .get(remainingMs(deadline), TimeUnit.MILLISECONDS);
                Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
                boolean leaders = true;
                for (TopicDescription d : descriptions.values()) {
                    for (TopicPartitionInfo p : d.partitions()) {
                        leaders &= p.leader() != null && !p.leader().isEmpty();
                        partitions.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest());
                    }
                }
                if (leaders) {
                    admin.listOffsets(partitions, new ListOffsetsOptions().timeoutMs(remainingMs(deadline)))
                            .all()
                            .get(remainingMs(deadline), TimeUnit.MILLISECONDS);
                    return;
                }
            } catch (ExecutionException e) {
                // Not propagated yet (e.g. UnknownTopicOrPartition, NotLeaderOrFollower); retry until the deadline.
                log.debug("Waiting for the partitions of {} to be served", names, e.getCause());
            }
            Thread.sleep(Math.min(50, remainingMs(deadline)));
        }
    }

    private static int remainingMs(long deadline) throws TimeoutException {
        long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (remaining <= 0) {
            throw new TimeoutException("no time left");
        }
        return (int) Math.min(Integer.MAX_VALUE, remaining);
    }

    private static IllegalStateException failure(String what, String bootstrapServers, Throwable cause) {
        return new IllegalStateException("Topic provisioning on Kafka at " + bootstrapServers + " failed: " + what
                + (cause != null && cause.getMessage() != null ? " (" + cause.getMessage() + ")" : ""), cause);
    }
}
