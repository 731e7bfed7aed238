package com.offerpulse.admin.acls;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import com.offerpulse.contracts.topic.Topic;

/**
 * The least-privilege ACLs of every service, derived from the registry: each topic's writers get WRITE, its readers
 * READ (both with DESCRIBE), on the literal topic name. A Kafka Streams application also owns everything prefixed
 * with its application id (its repartition and changelog topics: ALL; its exactly-once transactional ids) and its
 * consumer group; a plain consumer its group; a transactional producer its transactional-id prefix. Nothing else:
 * no topic creation outside the Streams prefixes, no cluster-wide rights but idempotent writes.
 */
public final class AclPlan {
    /** The principal of a service on the cluster: {@code User:<service>} (a Strimzi KafkaUser of that name). */
    public static final String PRINCIPAL_PREFIX = "User:";

    private AclPlan() {
    }

    /** One line of the plan, in the form the Strimzi KafkaUser and the Admin API both take. */
    public record Rule(String service, ResourceType type, String name, PatternType pattern, AclOperation operation) {
        public AclBinding binding() {
            return new AclBinding(new ResourcePattern(type, name, pattern),
                    new AccessControlEntry(PRINCIPAL_PREFIX + service, "*", operation, AclPermissionType.ALLOW));
        }

        @Override
        public String toString() {
            return String.format("%-17s %-7s %-16s %-8s %s", PRINCIPAL_PREFIX + service, operation, type,
                    pattern, name);
        }
    }

    public static List<Rule> rules(ServiceAccess s) {
        List<Rule> rules = new ArrayList<>();
        for (Topic<String, ?> t : s.writes()) {
            rules.add(new Rule(s.service(), ResourceType.TOPIC, t.name(), PatternType.LITERAL, AclOperation.WRITE));
            rules.add(new Rule(s.service(), ResourceType.TOPIC, t.name(), PatternType.LITERAL, AclOperation.DESCRIBE));
        }
        for (Topic<String, ?> t : s.reads()) {
            rules.add(new Rule(s.service(), ResourceType.TOPIC, t.name(), PatternType.LITERAL, AclOperation.READ));
            if (s.writes().stream().noneMatch(w -> w.name().equals(t.name()))) {
                rules.add(new Rule(s.service(), ResourceType.TOPIC, t.name(), PatternType.LITERAL,
                        AclOperation.DESCRIBE));
            }
        }
        for (String app : s.streamsApps()) {
            rules.add(new Rule(s.service(), ResourceType.TOPIC, app + "-", PatternType.PREFIXED, AclOperation.ALL));
            rules.add(new Rule(s.service(), ResourceType.GROUP, app, PatternType.LITERAL, AclOperation.READ));
            rules.add(new Rule(s.service(), ResourceType.TRANSACTIONAL_ID, app + "-", PatternType.PREFIXED,
                    AclOperation.WRITE));
            rules.add(new Rule(s.service(), ResourceType.TRANSACTIONAL_ID, app + "-", PatternType.PREFIXED,
                    AclOperation.DESCRIBE));
        }
        for (String group : s.groups()) {
            rules.add(new Rule(s.service(), ResourceType.GROUP, group, PatternType.LITERAL, AclOperation.READ));
        }
        for (String prefix : s.txPrefixes()) {
            rules.add(new Rule(s.service(), ResourceType.TRANSACTIONAL_ID, prefix, PatternType.PREFIXED,
                    AclOperation.WRITE));
            rules.add(new Rule(s.service(), ResourceType.TRANSACTIONAL_ID, prefix, PatternType.PREFIXED,
                    AclOperation.DESCRIBE));
        }
        if (!s.writes().isEmpty()) {
            rules.add(new Rule(s.service(), ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL,
                    AclOperation.IDEMPOTENT_WRITE));
        }
        return rules;
    }

    public static List<Rule> rules(List<ServiceAccess> services) {
        return services.stream().flatMap(s -> rules(s).stream()).toList();
    }
}
