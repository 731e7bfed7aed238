package com.offerpulse.tools.replay;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;

import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.stream.probability.OfferProbabilityModel;

/** The replay, start to end: select, copy into a sandbox, re-derive, compare, report (and optionally clean up). */
public final class Replay {
    private final PrintStream out;

    public Replay(PrintStream out) {
        this.out = out;
    }

    public ReplayReport run(ReplayOptions options) throws Exception {
        SandboxTopics sandbox = new SandboxTopics(options.runId());
        out.printf("Replay %s: %s of %s on %s, formula %s, into %s* (application id %s)%n", sandbox.runId(),
                options.selection(), Topics.TRANSCRIPT_SEGMENTS.name(), options.bootstrap(),
                options.formula().wireName(), sandbox.prefix(), sandbox.applicationId());
        LiveInput.Prepared input;
        try (TopicScan scan = new TopicScan(options.bootstrap())) {
            input = LiveInput.select(scan, options.selection(), options.wholeRounds(),
                    options.liveInactivityTimeout());
        }
        out.printf("Selected %,d segments in range; %d rounds of %d users; %,d records to copy (%,d segments, %,d "
                + "lifecycle events)%n", input.selectedSegments(), input.sessions().size(),
                input.ownerBySession().values().stream().distinct().count(), input.total(), input.segments().size(),
                input.lifecycle().size());
        if (input.sessions().isEmpty()) {
            out.println("Nothing to replay.");
            return new ReplayReport(sandbox.runId(), options.formula().wireName(), options.selection().toString(), 0,
                    0, 0, List.of(), List.of(), List.of(), java.time.Duration.ZERO, java.time.Duration.ZERO);
        }

        Path stateDir = options.stateDir() != null ? options.stateDir()
                : Files.createTempDirectory("offerpulse-replay-" + sandbox.runId() + "-");
        try (Admin admin = admin(options.bootstrap())) {
            TopicDescription live = admin.describeTopics(List.of(Topics.TRANSCRIPT_SEGMENTS.name())).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(Topics.TRANSCRIPT_SEGMENTS.name());
            short replication = (short) live.partitions().get(0).replicas().size();
            // One partition per sandbox topic: one task sees every round in time order (see LiveInput).
            sandbox.create(admin, 1, replication);
        }
        ReplayReport report;
        try {
            SandboxRun run = new SandboxRun(options.bootstrap(), sandbox, out, options.progressInterval());
            out.println("Copying the selected input into the sandbox:");
            java.time.Duration copyTime = run.copy(input);
            out.println("Re-deriving (" + options.formula().wireName() + "):");
            java.time.Duration processingTime = run.process(new OfferProbabilityModel(options.formula()),
                    input.total(), stateDir, options.timeout());
            out.println("Comparing with the live outputs…");
            OutputComparison.Result result;
            try (TopicScan scan = new TopicScan(options.bootstrap())) {
                result = new OutputComparison(scan, input, options.maxDifferences()).compare(sandbox.names());
            }
            report = new ReplayReport(sandbox.runId(), options.formula().wireName(), options.selection().toString(),
                    input.sessions().size(), input.selectedSegments(), input.total(), result.kinds(), result.users(),
                    result.differences(), copyTime, processingTime);
        } finally {
            if (options.stateDir() == null) {
                SandboxRun.deleteRecursively(stateDir);
            }
        }
        report.print(out, 50);
        if (options.jsonReport() != null) {
            Files.write(options.jsonReport(), JsonCodec.encode(report));
            out.println("Report written to " + options.jsonReport());
        }
        if (options.cleanupAfter()) {
            cleanup(options.bootstrap(), sandbox.runId());
        } else {
            out.printf("The sandbox stays for inspection: %s* ; delete it with --cleanup --run-id %s%n",
                    sandbox.prefix(), sandbox.runId());
        }
        return report;
    }

    public List<String> cleanup(String bootstrap, String runId) throws Exception {
        SandboxTopics sandbox = new SandboxTopics(runId);
        try (Admin admin = admin(bootstrap)) {
            List<String> deleted = sandbox.delete(admin);
            out.printf("Deleted sandbox %s: %d topics %s and consumer group %s%n", runId, deleted.size(), deleted,
                    sandbox.applicationId());
            return deleted;
        }
    }

    public Map<String, List<String>> list(String bootstrap) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            Map<String, List<String>> runs = SandboxTopics.list(admin);
            if (runs.isEmpty()) {
                out.println("No sandboxes.");
            }
            runs.forEach((id, topics) -> out.printf("%s  (%d topics)%n", id, topics.size()));
            return runs;
        }
    }

    private static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000));
    }
}
