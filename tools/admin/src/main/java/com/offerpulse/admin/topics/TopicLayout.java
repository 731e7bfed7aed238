package com.offerpulse.admin.topics;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.common.config.TopicConfig;

import com.offerpulse.contracts.topic.Topic;

/**
 * How the registry's topics are laid out on a real cluster: partitions, replication and the per-topic configs. The
 * configs are the ones the embedded default's {@code TopicProvisioner} creates (cleanup policy from the registry,
 * {@code retention.ms} on delete-policy topics only, {@code min.insync.replicas} when set); a test creates topics with
 * the provisioner and checks them with this layout, so the two cannot drift. The Strimzi {@code KafkaTopic}
 * manifests are rendered from this same class.
 *
 * @param partitions        partitions of every topic; never changed once a topic exists (it would move keys)
 * @param replication       replication factor
 * @param minInsyncReplicas {@code min.insync.replicas}, or {@code null} for the broker default
 * @param retention         {@code retention.ms} of delete-policy topics
 */
public record TopicLayout(int partitions, short replication, Integer minInsyncReplicas, Duration retention) {
    /** Partitions of a real cluster: as many as the embedded default, so keys land on the same partitions. */
    public static final int DEFAULT_PARTITIONS = 6;
    /** Replication of a real cluster: three brokers, one may be down. */
    public static final short DEFAULT_REPLICATION = 3;
    /** Two in-sync copies before a write is acknowledged. */
    public static final int DEFAULT_MIN_INSYNC = 2;
    /** Event retention of delete-policy topics. */
    public static final String DEFAULT_RETENTION = "7d";

    public TopicLayout {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1: " + partitions);
        }
        if (replication < 1) {
            throw new IllegalArgumentException("replication must be >= 1: " + replication);
        }
        if (minInsyncReplicas != null && (minInsyncReplicas < 1 || minInsyncReplicas > replication)) {
            throw new IllegalArgumentException("min.insync.replicas must be 1.." + replication + ": " + minInsyncReplicas);
        }
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive: " + retention);
        }
    }

    /** The configs every registry topic is created with, sorted by name. */
    public Map<String, String> configs(Topic<?, ?> topic) {
        Map<String, String> configs = new TreeMap<>();
        if (topic.compacted()) {
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        } else {
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
            configs.put(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retention.toMillis()));
        }
        if (minInsyncReplicas != null) {
            configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(minInsyncReplicas));
        }
        return configs;
    }
}
