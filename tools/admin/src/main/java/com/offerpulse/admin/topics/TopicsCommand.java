package com.offerpulse.admin.topics;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import com.offerpulse.admin.cli.DurationConverter;
import com.offerpulse.admin.cli.KafkaOptions;
import com.offerpulse.contracts.topic.Topic;
import com.offerpulse.contracts.topic.Topics;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code topics create|check}: the registry's topics on a cluster. */
@Command(name = "topics", description = "Create or check the topics of the registry (contracts' Topics.ALL).",
        mixinStandardHelpOptions = true, subcommands = {TopicsCommand.Create.class, TopicsCommand.Check.class})
public final class TopicsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a subcommand: create or check");
    }

    /** The layout options shared by create and check. */
    public static final class LayoutOptions {
        @Option(names = "--partitions", paramLabel = "N", defaultValue = "" + TopicLayout.DEFAULT_PARTITIONS,
                description = "Partitions of every topic (default: ${DEFAULT-VALUE}). Never changed on an existing topic.")
        int partitions;

        @Option(names = "--replication", paramLabel = "N", defaultValue = "" + TopicLayout.DEFAULT_REPLICATION,
                description = "Replication factor (default: ${DEFAULT-VALUE}).")
        short replication;

        @Option(names = "--min-insync", paramLabel = "N", defaultValue = "" + TopicLayout.DEFAULT_MIN_INSYNC,
                description = "min.insync.replicas (default: ${DEFAULT-VALUE}).")
        int minInsync;

        @Option(names = "--retention", paramLabel = "DURATION", defaultValue = TopicLayout.DEFAULT_RETENTION,
                converter = DurationConverter.class,
                description = "retention.ms of delete-policy topics (default: ${DEFAULT-VALUE}).")
        Duration retention;

        public TopicLayout layout(CommandSpec spec) {
            try {
                return new TopicLayout(partitions, replication, minInsync, retention);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
    }

    /** What a cluster has of one topic. */
    record Existing(int partitions, int replication, Map<String, String> configs) {
    }

    /** The registry topics that exist on the cluster, by name; missing ones are absent. */
    static Map<String, Existing> describe(Admin admin, Duration timeout) throws Exception {
        List<String> names = Topics.ALL.stream().map(Topic::name).toList();
        Map<String, Existing> found = new LinkedHashMap<>();
        var futures = admin.describeTopics(names).topicNameValues();
        List<ConfigResource> resources = new ArrayList<>();
        Map<String, TopicDescription> descriptions = new LinkedHashMap<>();
        for (String name : names) {
            try {
                TopicDescription d = futures.get(name).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                descriptions.put(name, d);
                resources.add(new ConfigResource(ConfigResource.Type.TOPIC, name));
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
        }
        Map<ConfigResource, Config> configs = resources.isEmpty() ? Map.of()
                : admin.describeConfigs(resources).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        for (var d : descriptions.entrySet()) {
            Map<String, String> values = new LinkedHashMap<>();
            Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, d.getKey()));
            for (ConfigEntry entry : config.entries()) {
                values.put(entry.name(), entry.value());
            }
            var partitions = d.getValue().partitions();
            found.put(d.getKey(), new Existing(partitions.size(),
                    partitions.isEmpty() ? 0 : partitions.get(0).replicas().size(), values));
        }
        return found;
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create the registry's missing topics. Existing topics are left as they are; a partition "
                    + "count other than --partitions is refused (exit 1, nothing created): adding partitions "
                    + "moves keys and breaks per-session order."})
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        KafkaOptions kafka;
        @Mixin
        LayoutOptions layoutOptions;
        @Option(names = "--dry-run", description = "Print what would be created; change nothing.")
        boolean dryRun;

        @Override
        public Integer call() throws Exception {
            TopicLayout layout = layoutOptions.layout(spec);
            PrintWriter out = spec.commandLine().getOut();
            try (Admin admin = kafka.admin()) {
                Map<String, Existing> existing = describe(admin, kafka.timeout());
                List<String> refused = new ArrayList<>();
                List<NewTopic> missing = new ArrayList<>();
                for (Topic<?, ?> topic : Topics.ALL) {
                    Existing e = existing.get(topic.name());
                    if (e == null) {
                        missing.add(new NewTopic(topic.name(), layout.partitions(), layout.replication())
                                .configs(layout.configs(topic)));
                    } else if (e.partitions() != layout.partitions()) {
                        refused.add(topic.name() + " has " + e.partitions() + " partitions, --partitions "
                                + layout.partitions() + " asked");
                    }
                }
                if (!refused.isEmpty()) {
                    PrintWriter err = spec.commandLine().getErr();
                    refused.forEach(r -> err.println("refused: " + r));
                    err.println("Nothing created: a partition count is never changed (keys would move to other "
                            + "partitions and per-session order would break). Use the existing count.");
                    return 1;
                }
                for (NewTopic t : missing) {
                    out.println((dryRun ? "would create " : "create ") + t.name() + " partitions=" + t.numPartitions()
                            + " replication=" + t.replicationFactor() + " " + t.configs());
                }
                if (!dryRun && !missing.isEmpty()) {
                    admin.createTopics(missing).all().get(kafka.timeout().toMillis(), TimeUnit.MILLISECONDS);
                }
                out.println((dryRun ? "dry run: " : "") + missing.size() + " of " + Topics.ALL.size()
                        + " topics " + (dryRun ? "missing" : "created") + ", " + existing.size() + " already exist");
                return 0;
            }
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Check every registry topic: present, the expected partitions and replication, and the "
                    + "layout's configs. Exit 1 when any differs."})
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        KafkaOptions kafka;
        @Mixin
        LayoutOptions layoutOptions;

        @Override
        public Integer call() throws Exception {
            TopicLayout layout = layoutOptions.layout(spec);
            PrintWriter out = spec.commandLine().getOut();
            try (Admin admin = kafka.admin()) {
                Map<String, Existing> existing = describe(admin, kafka.timeout());
                int problems = 0;
                for (Topic<?, ?> topic : Topics.ALL) {
                    List<String> diffs = diff(layout, topic, existing.get(topic.name()));
                    problems += diffs.isEmpty() ? 0 : 1;
                    out.printf("%-28s %s%n", topic.name(), diffs.isEmpty() ? "ok" : String.join("; ", diffs));
                }
                out.println(problems == 0 ? "all " + Topics.ALL.size() + " topics ok"
                        : problems + " of " + Topics.ALL.size() + " topics differ");
                return problems == 0 ? 0 : 1;
            }
        }
    }

    /** What differs between the layout and a topic on the cluster; empty when it matches. */
    static List<String> diff(TopicLayout layout, Topic<?, ?> topic, Existing e) {
        if (e == null) {
            return List.of("missing");
        }
        List<String> diffs = new ArrayList<>();
        if (e.partitions() != layout.partitions()) {
            diffs.add("partitions " + e.partitions() + " (expected " + layout.partitions() + ")");
        }
        if (e.replication() != layout.replication()) {
            diffs.add("replication " + e.replication() + " (expected " + layout.replication() + ")");
        }
        layout.configs(topic).forEach((k, v) -> {
            String actual = e.configs().get(k);
            if (!v.equals(actual)) {
                diffs.add(k + "=" + actual + " (expected " + v + ")");
            }
        });
        return diffs;
    }
}
