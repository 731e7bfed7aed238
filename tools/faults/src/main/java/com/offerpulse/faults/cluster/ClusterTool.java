package com.offerpulse.faults.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.offerpulse.contracts.auth.HmacSecret;
import com.offerpulse.contracts.auth.Role;
import com.offerpulse.contracts.auth.TokenIssuer;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.kafka.embedded.TopicProvisioner;

/**
 * The Java steps of {@code infra/cluster.sh}, run from {@code tools/faults/target/faults.jar:target/lib/*}:
 *
 * <pre>
 * await-brokers --bootstrap HOSTS --count N [--timeout 120s]
 * create-topics --bootstrap HOSTS [--partitions 6] [--replication 3] [--min-insync 2] [--retention 7d]
 * mint-token    --secret-file FILE --subject ID [--ttl 30d] [--analyst]
 * </pre>
 *
 * Topics come from the {@link Topics} registry (names, compaction), so the cluster gets exactly what the embedded
 * default creates, with replication 3 and {@code min.insync.replicas} 2.
 */
public final class ClusterTool {
    static final int DEFAULT_PARTITIONS = 6;
    static final short DEFAULT_REPLICATION = 3;
    static final int DEFAULT_MIN_INSYNC = 2;
    static final String DEFAULT_RETENTION = "7d";
    static final String DEFAULT_WAIT = "120s";
    static final String DEFAULT_TOKEN_TTL = "30d";

    private ClusterTool() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        Map<String, String> opts = options(args);
        switch (args[0]) {
            case "await-brokers" -> {
                String bootstrap = required(opts, "bootstrap");
                int count = Integer.parseInt(opts.getOrDefault("count", "3"));
                Duration timeout = Durations.parse(opts.getOrDefault("timeout", DEFAULT_WAIT));
                BrokerWait.awaitBrokers(bootstrap, count, timeout);
                System.out.println(count + " brokers registered at " + bootstrap);
            }
            case "create-topics" -> {
                String bootstrap = required(opts, "bootstrap");
                var settings = new TopicProvisioner.TopicSettings(
                        Integer.parseInt(opts.getOrDefault("partitions", String.valueOf(DEFAULT_PARTITIONS))),
                        Short.parseShort(opts.getOrDefault("replication", String.valueOf(DEFAULT_REPLICATION))),
                        Integer.parseInt(opts.getOrDefault("min-insync", String.valueOf(DEFAULT_MIN_INSYNC))),
                        Durations.parse(opts.getOrDefault("retention", DEFAULT_RETENTION)));
                List<String> created = TopicProvisioner.ensureTopics(bootstrap, Topics.ALL, settings);
                System.out.println("Topics ready: " + created.size() + " created now (" + settings.partitions()
                        + " partitions, replication " + settings.replicationFactor() + ", min.insync.replicas "
                        + settings.minInsyncReplicas() + ")");
            }
            case "mint-token" -> {
                String secret = Files.readString(Path.of(required(opts, "secret-file"))).trim();
                String subject = required(opts, "subject");
                Duration ttl = Durations.parse(opts.getOrDefault("ttl", DEFAULT_TOKEN_TTL));
                Set<Role> roles = opts.containsKey("analyst") ? EnumSet.of(Role.CANDIDATE, Role.ANALYST)
                        : EnumSet.of(Role.CANDIDATE);
                System.out.println(new TokenIssuer(HmacSecret.parse(secret))
                        .issue(subject, subject, roles, ttl, Instant.now()).token());
            }
            default -> usage();
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument: " + args[i]);
            }
            String key = args[i].substring(2);
            boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
            opts.put(key, hasValue ? args[++i] : "true");
        }
        return opts;
    }

    private static String required(Map<String, String> opts, String key) {
        String value = opts.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + key + " is required");
        }
        return value;
    }

    private static void usage() {
        System.err.println("""
                usage: ClusterTool await-brokers --bootstrap HOSTS --count N [--timeout 120s]
                       ClusterTool create-topics --bootstrap HOSTS [--partitions 6] [--replication 3] \
                [--min-insync 2] [--retention 7d]
                       ClusterTool mint-token --secret-file FILE --subject ID [--ttl 30d] [--analyst]""");
        System.exit(2);
    }
}
