package com.offerpulse.tools.replay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupNotEmptyException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.streams.TopologyDescription;

import com.offerpulse.contracts.topic.Topic;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.stream.OfferPulseTopology.TopicNames;

/**
 * One sandbox: {@code sandbox.<run-id>.<live topic name>} for every topic the topology reads or writes, and the
 * application id {@code replay-<run-id>} (so its consumer group and internal topics, {@code replay-<run-id>-…}, are
 * its own). Every write of the tool goes through {@link #requireSandbox}: a live topic name is refused, whatever
 * the run id.
 */
public final class SandboxTopics {
    public static final String PREFIX = "sandbox.";
    public static final String APPLICATION_PREFIX = "replay-";
    private static final Pattern RUN_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    /** How long a just-closed replay's group membership may linger (a bit over the Streams session timeout). */
    private static final Duration GROUP_LEAVE_WAIT = Duration.ofSeconds(15);
    /** Every topic of the registry: never written, never deleted by this tool. */
    static final Set<String> LIVE = Topics.ALL.stream().map(Topic::name).collect(Collectors.toUnmodifiableSet());

    private final String runId;

    public SandboxTopics(String runId) {
        this.runId = checkRunId(runId);
    }

    public static String checkRunId(String runId) {
        if (runId == null || !RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("a run id is 1-40 of a-z, 0-9 and '-', starting with a letter or digit: "
                    + runId);
        }
        return runId;
    }

    public String runId() {
        return runId;
    }

    public String prefix() {
        return PREFIX + runId + ".";
    }

    public String applicationId() {
        return APPLICATION_PREFIX + runId;
    }

    /** The topology's topics inside this sandbox. */
    public TopicNames names() {
        return TopicNames.live().withPrefix(prefix());
    }

    /** The sandbox copy of a live topic. */
    public String of(Topic<?, ?> live) {
        return requireSandbox(prefix() + live.name());
    }

    /** Returns {@code topic} if this sandbox may write it; throws for a live topic or another sandbox's. */
    public String requireSandbox(String topic) {
        if (topic == null || LIVE.contains(topic) || !topic.startsWith(prefix())) {
            throw new IllegalStateException("Refusing to write " + topic + ": a replay writes only to "
                    + prefix() + "* topics, never to live ones.");
        }
        return topic;
    }

    /**
     * Checks a built topology before it runs: every topic it reads or writes is in this sandbox, or one of the
     * internal topics Kafka Streams names after the application id (repartition, changelog).
     */
    public void requireSandbox(TopologyDescription topology) {
        for (TopologyDescription.Subtopology sub : topology.subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                if (node instanceof TopologyDescription.Sink sink && sink.topic() != null) {
                    requireSandboxOrInternal(sink.topic());
                } else if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
                    source.topicSet().forEach(this::requireSandboxOrInternal);
                }
            }
        }
    }

    private void requireSandboxOrInternal(String topic) {
        boolean internal = !LIVE.contains(topic) && (topic.endsWith("-repartition") || topic.endsWith("-changelog"))
                && !topic.startsWith(PREFIX);
        if (!internal) {
            requireSandbox(topic);
        }
    }

    /** Creates this sandbox's topics like their live originals (partitions, cleanup); refuses a used run id. */
    void create(Admin admin, int partitions, short replication) throws Exception {
        Set<String> existing = admin.listTopics().names().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        List<String> taken = existing.stream().filter(t -> t.startsWith(prefix())
                || t.startsWith(applicationId() + "-")).sorted().toList();
        if (!taken.isEmpty()) {
            throw new IllegalStateException("Run id " + runId + " is in use (" + taken.get(0) + " exists); choose "
                    + "another --run-id or delete it with --cleanup --run-id " + runId);
        }
        List<NewTopic> topics = new ArrayList<>();
        for (Topic<?, ?> live : Topics.ALL) {
            if (!names().inputs().contains(prefix() + live.name()) && !names().outputs().contains(prefix() + live.name())) {
                continue;
            }
            Map<String, String> config = new TreeMap<>();
            config.put(TopicConfig.CLEANUP_POLICY_CONFIG, live.compacted() ? TopicConfig.CLEANUP_POLICY_COMPACT
                    : TopicConfig.CLEANUP_POLICY_DELETE);
            topics.add(new NewTopic(of(live), partitions, replication).configs(config));
        }
        admin.createTopics(topics).all().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * Deletes this sandbox: its consumer group first (refused while a replay of this run id still has members; a
     * member that just closed may take a few seconds to be gone), then its topics and the internal topics of its
     * application id. Only names with this sandbox's prefixes are touched, never a live topic.
     *
     * @return the topics deleted
     */
    List<String> delete(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {
        deleteGroup(admin);
        Set<String> doomed = new TreeSet<>();
        for (String t : admin.listTopics().names().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            if (!LIVE.contains(t) && (t.startsWith(prefix()) || t.startsWith(applicationId() + "-"))) {
                doomed.add(t);
            }
        }
        if (!doomed.isEmpty()) {
            try {
                admin.deleteTopics(doomed).all().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
        }
        return List.copyOf(doomed);
    }

    private void deleteGroup(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + GROUP_LEAVE_WAIT.toNanos();
        while (true) {
            try {
                admin.deleteConsumerGroups(List.of(applicationId())).all()
                        .get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof GroupIdNotFoundException) {
                    return;
                }
                if (!(e.getCause() instanceof GroupNotEmptyException) || System.nanoTime() > deadline) {
                    throw new IllegalStateException("Cannot delete sandbox " + runId + ": its replay ("
                            + applicationId() + ") still has running members; stop it first", e.getCause());
                }
                Thread.sleep(500);
            }
        }
    }

    /** The sandboxes on a cluster: run id → its topics. */
    static Map<String, List<String>> list(Admin admin) throws Exception {
        Map<String, List<String>> runs = new TreeMap<>();
        for (String t : new TreeSet<>(admin.listTopics().names().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS))) {
            if (t.startsWith(PREFIX)) {
                String rest = t.substring(PREFIX.length());
                int dot = rest.indexOf('.');
                if (dot > 0) {
                    runs.computeIfAbsent(rest.substring(0, dot), k -> new ArrayList<>()).add(t);
                }
            }
        }
        return runs;
    }
}
