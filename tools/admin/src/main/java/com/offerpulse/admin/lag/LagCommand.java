package com.offerpulse.admin.lag;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.admin.ListOffsetsOptions;

import com.offerpulse.admin.acls.ServiceAccess;
import com.offerpulse.admin.cli.KafkaOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code lag}: how far each service's consumer groups (Kafka Streams applications and plain groups) are behind the
 * end of their input topics, per topic. The end offset is the last stable offset (read_committed, like the readers).
 */
@Command(name = "lag", mixinStandardHelpOptions = true,
        description = "Consumer lag per service group / Streams application, per topic.")
public final class LagCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--group", paramLabel = "GROUP",
            description = "Only this group; repeatable (default: every group of every service).")
    List<String> groups;

    @Option(names = "--max-lag", paramLabel = "N",
            description = "Exit 1 when any group's total lag exceeds N records (for alerts and scripts).")
    Long maxLag;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<String> selected = groups == null || groups.isEmpty() ? ServiceAccess.allGroups() : groups;
        long timeoutMs = kafka.timeout().toMillis();
        boolean over = false;
        try (Admin admin = kafka.admin()) {
            var described = admin.describeConsumerGroups(selected).describedGroups();
            out.printf("%-22s %-8s %-10s %-50s %12s %12s%n", "group", "members", "state", "topic", "lag",
                    "max/partition");
            for (String group : selected) {
                ConsumerGroupDescription d = Groups.describe(described.get(group), timeoutMs);
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(timeoutMs, TimeUnit.MILLISECONDS);
                String members = d == null ? "-" : String.valueOf(d.members().size());
                String state = d == null ? "-" : d.groupState().toString();
                if (committed.isEmpty()) {
                    out.printf("%-22s %-8s %-10s %-50s %12s %12s%n", group, members, state, "(no committed offsets)",
                            "-", "-");
                    continue;
                }
                Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
                committed.keySet().forEach(tp -> ends.put(tp, OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResultInfo> end = admin
                        .listOffsets(ends, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                        .get(timeoutMs, TimeUnit.MILLISECONDS);
                Map<String, long[]> byTopic = new TreeMap<>();
                long total = 0;
                for (var e : committed.entrySet()) {
                    if (e.getValue() == null) {
                        continue;
                    }
                    long lag = Math.max(0, end.get(e.getKey()).offset() - e.getValue().offset());
                    long[] sums = byTopic.computeIfAbsent(e.getKey().topic(), t -> new long[2]);
                    sums[0] += lag;
                    sums[1] = Math.max(sums[1], lag);
                    total += lag;
                }
                for (var t : byTopic.entrySet()) {
                    out.printf("%-22s %-8s %-10s %-50s %12d %12d%n", group, members, state, t.getKey(),
                            t.getValue()[0], t.getValue()[1]);
                }
                if (maxLag != null && total > maxLag) {
                    over = true;
                    spec.commandLine().getErr().println(group + ": lag " + total + " exceeds --max-lag " + maxLag);
                }
            }
        }
        return over ? 1 : 0;
    }
}
