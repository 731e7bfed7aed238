package com.offerpulse.loadgen;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import com.offerpulse.loadgen.LoadGenOptions.Phase;
import com.offerpulse.loadgen.corpus.Corpus;
import com.offerpulse.loadgen.floors.KafkaFloor;
import com.offerpulse.loadgen.floors.RedisFloor;
import com.offerpulse.loadgen.live.LiveResult;
import com.offerpulse.loadgen.live.LiveRun;
import com.offerpulse.loadgen.live.PlatformClient;
import com.offerpulse.loadgen.peak.PeakIngest;
import com.offerpulse.loadgen.report.LoadResult;
import com.offerpulse.loadgen.report.ResultWriter;
import com.offerpulse.loadgen.report.Targets;
import com.offerpulse.loadgen.server.ServerSample;
import com.offerpulse.loadgen.server.ServerSampler;

import reactor.netty.resources.LoopResources;

/**
 * Entry point: {@code java -jar tools/loadgen/target/loadgen.jar --help}. Runs the chosen phases in order (floors
 * first, while the platform is idle; peak last, since it leaves the stream processor a backlog), bounded by
 * {@code --limit} seconds, and writes {@code result.json} and {@code latency.html}.
 */
public final class LoadGen {
    /** Event-loop threads of the client: it shares the machine with the server, so it stays small. */
    static final int CLIENT_LOOP_THREADS = 2;

    private LoadGen() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(LoadGenOptions.help());
            return;
        }
        LoadGenOptions options;
        try {
            options = LoadGenOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("loadgen: " + e.getMessage());
            System.exit(2);
            return;
        }
        Thread watchdog = new Thread(() -> {
            try {
                TimeUnit.SECONDS.sleep(options.limitSeconds());
                System.err.println("loadgen: over the --limit of " + options.limitSeconds() + " s; stopping");
                Runtime.getRuntime().halt(3);
            } catch (InterruptedException e) {
                // finished in time
            }
        }, "loadgen-limit");
        watchdog.setDaemon(true);
        watchdog.start();
        int exit = run(options, String.join(" ", args));
        watchdog.interrupt();
        System.exit(exit);
    }

    static int run(LoadGenOptions o, String argLine) throws Exception {
        String runId = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
        Instant started = Instant.now();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.printf("loadgen %s: target %s, phases %s, load average %.2f, %d cores%n", runId, o.target(),
                o.phases(), loadBefore, Runtime.getRuntime().availableProcessors());
        Corpus corpus = Corpus.load();
        LoopResources loops = LoopResources.create("loadgen", CLIENT_LOOP_THREADS, true);
        PlatformClient client = new PlatformClient(o.target().toString().replaceAll("/$", ""), loops);
        PlatformClient.Reply observer = client.login("lg-" + runId + "-observer").block(Duration.ofSeconds(30));
        if (observer == null || !observer.ok()) {
            System.err.println("loadgen: guest sign-in at " + o.target() + " failed (" + (observer == null ? "no answer"
                    : observer.status() + " " + observer.body()) + "); is the launcher running?");
            return 1;
        }
        String token = observer.field("token");
        try (ServerSampler sampler = new ServerSampler(client, token, o.serverPid(), o.kafka(), o.streamGroup())) {
            ServerSample before = sampler.sample();
            KafkaFloor.Result kafka = null;
            RedisFloor.Result redis = null;
            if (o.runs(Phase.FLOORS)) {
                kafka = new KafkaFloor(o.kafka(), runId).measure(o.floorRate(), o.floorSeconds());
                redis = new RedisFloor(o.redis(), runId).measure(o.floorRate(), o.floorSeconds());
            }
            LiveResult live = null;
            if (o.runs(Phase.LIVE)) {
                live = new LiveRun(o, corpus, client, sampler, runId).run();
                System.out.printf(Locale.ROOT, "live: steady %,.0f segments/s accepted; accepted -> meters p50 %.1f "
                        + "p95 %.1f p99 %.1f ms (%d samples); ack p99 %.1f ms; errors %s%n",
                        live.acceptedPerSecondSteady(), live.e2eSteady().p50(), live.e2eSteady().p95(),
                        live.e2eSteady().p99(), live.e2eSteady().count(), live.ackSteady().p99(), live.errors());
                System.out.println("live: server CPU ms per accepted segment (steady window): "
                        + live.serverCpuMsPerSegment());
            }
            PeakIngest.Result peak = null;
            if (o.runs(Phase.PEAK)) {
                peak = new PeakIngest(o, corpus, client, sampler, runId).run();
            }
            ServerSample after = sampler.sample();
            PlatformClient.Reply metrics = client.get("/api/system/metrics", token).block(Duration.ofSeconds(10));
            double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            LoadResult result = new LoadResult(o.label(), started, new LoadResult.Machine(
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadBefore,
                    loadAfter, clientHeapMb(), ServerSampler.residentMbOf(Path.of("/proc/self/status"))),
                    "java -jar tools/loadgen/target/loadgen.jar " + argLine, kafka, redis, live, peak, before, after,
                    metrics != null && metrics.ok() ? metrics.body() : null, Targets.ratios(live, peak, kafka, redis),
                    Targets.check(live, peak));
            Path[] files = ResultWriter.write(result, o.out());
            System.out.println("ratios to the floors: " + result.ratios());
            result.targets().forEach(t -> System.out.printf(Locale.ROOT, "goal %-26s %-60s measured %,.1f %s -> %s%n",
                    t.name(), t.goal(), t.measured(), t.unit(), t.met() ? "met" : "MISSED"));
            System.out.printf("load average %.2f before, %.2f after; wrote %s and %s%n", loadBefore, loadAfter,
                    files[0], files[1]);
            return 0;
        } finally {
            loops.disposeLater().block(Duration.ofSeconds(5));
        }
    }

    static long clientHeapMb() {
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
    }
}
