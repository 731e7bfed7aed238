package com.offerpulse.admin.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;

import com.offerpulse.admin.acls.AclPlan;
import com.offerpulse.admin.acls.ServiceAccess;
import com.offerpulse.admin.topics.TopicLayout;
import com.offerpulse.contracts.topic.Topic;
import com.offerpulse.contracts.topic.Topics;

/**
 * Strimzi resources from the same sources as the CLI: one {@code KafkaTopic} per registry topic with the
 * {@link TopicLayout}'s partitions and configs, one {@code KafkaUser} (SCRAM-SHA-512, simple authorization) per
 * service with the {@link AclPlan}'s ACLs.
 */
public final class StrimziRenderer {
    /** The Strimzi {@code Kafka} resource's name ({@code strimzi.io/cluster} label of topics and users). */
    public static final String CLUSTER = "offerpulse";
    public static final String API_VERSION = "kafka.strimzi.io/v1beta2";

    private StrimziRenderer() {
    }

    public static String topics(TopicLayout layout) {
        StringBuilder y = new StringBuilder();
        y.append("# GENERATED from the topic registry (contracts' Topics.ALL) by `offerpulse-admin render strimzi`: "
                + "do not edit.\n");
        for (Topic<String, ?> topic : Topics.ALL) {
            y.append("---\n");
            y.append("apiVersion: ").append(API_VERSION).append('\n');
            y.append("kind: KafkaTopic\n");
            y.append("metadata:\n");
            y.append("  name: ").append(topic.name()).append('\n');
            y.append("  labels:\n");
            y.append("    strimzi.io/cluster: ").append(CLUSTER).append('\n');
            y.append("spec:\n");
            y.append("  topicName: ").append(topic.name()).append('\n');
            y.append("  partitions: ").append(layout.partitions()).append('\n');
            y.append("  replicas: ").append(layout.replication()).append('\n');
            y.append("  config:\n");
            layout.configs(topic).forEach((k, v) -> y.append("    ").append(k).append(": \"").append(v).append("\"\n"));
        }
        return y.toString();
    }

    public static String users() {
        StringBuilder y = new StringBuilder();
        y.append("# GENERATED from the topic registry's writers and readers by `offerpulse-admin render strimzi`: "
                + "do not edit.\n");
        for (ServiceAccess service : ServiceAccess.ALL) {
            y.append("---\n");
            y.append("apiVersion: ").append(API_VERSION).append('\n');
            y.append("kind: KafkaUser\n");
            y.append("metadata:\n");
            y.append("  name: ").append(service.service()).append('\n');
            y.append("  labels:\n");
            y.append("    strimzi.io/cluster: ").append(CLUSTER).append('\n');
            y.append("spec:\n");
            y.append("  authentication:\n");
            y.append("    type: scram-sha-512\n");
            y.append("  authorization:\n");
            y.append("    type: simple\n");
            y.append("    acls:\n");
            Map<String, List<String>> byResource = new LinkedHashMap<>();
            for (AclPlan.Rule rule : AclPlan.rules(service)) {
                byResource.computeIfAbsent(resource(rule), k -> new java.util.ArrayList<>())
                        .add(operation(rule.operation()));
            }
            byResource.forEach((resource, ops) -> {
                y.append("      - resource:\n").append(resource);
                y.append("        operations: [").append(String.join(", ", ops)).append("]\n");
                y.append("        host: \"*\"\n");
            });
        }
        return y.toString();
    }

    private static String resource(AclPlan.Rule rule) {
        String indent = "          ";
        if (rule.type() == ResourceType.CLUSTER) {
            return indent + "type: cluster\n";
        }
        String type = switch (rule.type()) {
            case TOPIC -> "topic";
            case GROUP -> "group";
            case TRANSACTIONAL_ID -> "transactionalId";
            default -> throw new IllegalArgumentException("no Strimzi resource type for " + rule.type());
        };
        String pattern = rule.pattern() == PatternType.PREFIXED ? "prefix" : "literal";
        return indent + "type: " + type + "\n" + indent + "name: " + rule.name() + "\n" + indent + "patternType: "
                + pattern + "\n";
    }

    /** Strimzi's spelling of an ACL operation: {@code IdempotentWrite}, {@code Describe}. */
    static String operation(AclOperation op) {
        StringBuilder s = new StringBuilder();
        for (String part : op.name().split("_")) {
            s.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
        }
        return s.toString();
    }
}
