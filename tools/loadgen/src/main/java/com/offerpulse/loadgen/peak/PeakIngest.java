package com.offerpulse.loadgen.peak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.loadgen.LoadGenOptions;
import com.offerpulse.loadgen.corpus.AnswerSegmenter;
import com.offerpulse.loadgen.corpus.Corpus;
import com.offerpulse.loadgen.corpus.SpokenSegment;
import com.offerpulse.loadgen.live.PlatformClient;
import com.offerpulse.loadgen.measure.ErrorCounts;
import com.offerpulse.loadgen.measure.LatencyRecorder;
import com.offerpulse.loadgen.measure.LatencySummary;
import com.offerpulse.loadgen.server.ServerSampler;
import com.offerpulse.loadgen.server.ThreadCpu;

/**
 * Peak ingest over batched HTTP: {@code --peak-concurrency} loops, each with one transcript request in flight at a
 * time, POST {@code --peak-batch} segments per request to {@code /api/sessions/{id}/transcript} (a fresh round per
 * batch) for {@code --peak-seconds}; a segment counts once the 202 came back (Kafka acknowledged the whole batch).
 * Afterwards it watches the stream processor work through what was written (committed offsets of the segment
 * topic) for up to {@code --drain-seconds}: that rate is the topology's throughput under a backlog, on the same
 * machine.
 */
public final class PeakIngest {
    private final LoadGenOptions options;
    private final PlatformClient client;
    private final ServerSampler sampler;
    private final String runId;
    private final List<SpokenSegment> texts;

    public PeakIngest(LoadGenOptions options, Corpus corpus, PlatformClient client, ServerSampler sampler,
            String runId) {
        this.options = options;
        this.client = client;
        this.sampler = sampler;
        this.runId = runId;
        AnswerSegmenter segmenter = AnswerSegmenter.defaults();
        List<SpokenSegment> all = new ArrayList<>();
        corpus.answers().forEach(a -> all.addAll(segmenter.segment(a.text())));
        this.texts = List.copyOf(all);
    }

    /** One second of the peak phase. */
    public record PeakPoint(int second, long acceptedPerSecond, long streamProcessedPerSecond, long streamLag) {
    }

    /**
     * @param serverCpuSeconds      the server's CPU seconds from the first request to the end of the drain, by
     *                              component ({@code --server-pid})
     * @param serverCpuMsPerSegment the same per accepted segment, in milliseconds (ingest and processing included
     *                              when the drain completed)
     */
    public record Result(int batch, int concurrency, int seconds, long segmentsAccepted, double segmentsPerSecond,
            double bestSecond, LatencySummary requestLatency, Map<String, Long> errors,
            double streamProcessedPerSecond, double streamDrainSeconds, long streamLagAtEnd,
            Map<String, Double> serverCpuSeconds, Map<String, Double> serverCpuMsPerSegment,
            List<PeakPoint> timeline) {
    }

    public Result run() throws InterruptedException {
        // One user per loop: like separate people importing recorded answers, each with many rounds.
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < options.peakConcurrency(); i++) {
            PlatformClient.Reply login = client.login("lg-" + runId + "-peak" + i).block(Duration.ofSeconds(30));
            if (login == null || !login.ok()) {
                throw new IllegalStateException("peak: guest sign-in failed: "
                        + (login == null ? "no answer" : login.status()));
            }
            tokens.add(login.field("token"));
        }
        System.out.printf("peak: %d loops, each: start a round, POST %d segments to it, end it, repeat; %d s%n",
                options.peakConcurrency(), options.peakBatch(), options.peakSeconds());
        LongAdder accepted = new LongAdder();
        LatencyRecorder latency = new LatencyRecorder();
        ErrorCounts errors = new ErrorCounts();
        Map<String, Double> cpuBefore = ThreadCpu.snapshot(options.serverPid());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.peakSeconds());
        CountDownLatch loopsDone = new CountDownLatch(options.peakConcurrency());
        for (int i = 0; i < options.peakConcurrency(); i++) {
            new Loop(tokens.get(i), i, deadline, accepted, latency, errors, loopsDone).next();
        }
        List<PeakPoint> timeline = new ArrayList<>();
        long start = System.nanoTime();
        long lastAccepted = 0;
        long[] progress = sampler.streamProgress();
        long lastCommitted = progress[1];
        double best = 0;
        int limit = options.peakSeconds() + Math.max(options.drainSeconds(), 1);
        double drainSeconds = -1;
        int second = 0;
        while (second < limit) {
            second++;
            long sleep = start + TimeUnit.SECONDS.toNanos(second) - System.nanoTime();
            if (sleep > 0) {
                TimeUnit.NANOSECONDS.sleep(sleep);
            }
            long acc = accepted.sum();
            progress = sampler.streamProgress();
            long processed = progress[1] < 0 || lastCommitted < 0 ? 0 : progress[1] - lastCommitted;
            lastCommitted = progress[1];
            PeakPoint p = new PeakPoint(second, acc - lastAccepted, processed, progress[0]);
            lastAccepted = acc;
            if (second <= options.peakSeconds()) {
                best = Math.max(best, p.acceptedPerSecond());
            }
            timeline.add(p);
            System.out.printf("[peak %3ds] accepted %,7d/s | stream processed %,6d/s | stream lag %,d | errors %d%n",
                    second, p.acceptedPerSecond(), processed, progress[0], errors.total());
            // Transaction markers leave a few offsets per partition behind; "caught up" is a small remainder.
            if (second > options.peakSeconds() && progress[0] >= 0 && progress[0] < 1_000) {
                drainSeconds = second - options.peakSeconds();
                break;
            }
        }
        loopsDone.await(30, TimeUnit.SECONDS);
        Map<String, Double> cpu = ThreadCpu.delta(cpuBefore, ThreadCpu.snapshot(options.serverPid()));
        long total = accepted.sum();
        latency.tick(true);
        long processedTotal = timeline.stream().mapToLong(PeakPoint::streamProcessedPerSecond).sum();
        double seconds = options.peakSeconds();
        Result r = new Result(options.peakBatch(), options.peakConcurrency(), options.peakSeconds(), total,
                total / seconds, best,
                latency.steady(), errors.snapshot(), processedTotal / (double) timeline.size(), drainSeconds,
                timeline.get(timeline.size() - 1).streamLag(), cpu, ThreadCpu.perUnit(cpu, total), timeline);
        System.out.printf("peak: %,d segments accepted in %d s = %,.0f segments/s (best second %,.0f); request "
                + "p50 %.1f ms p99 %.1f ms; stream processed %,.0f segments/s on average%n", total,
                options.peakSeconds(), r.segmentsPerSecond(), best, r.requestLatency().p50(), r.requestLatency().p99(),
                r.streamProcessedPerSecond());
        System.out.println("peak: server CPU ms per accepted segment: " + r.serverCpuMsPerSegment());
        return r;
    }

    /**
     * One request loop: a fresh round per batch (like importing a whole recorded answer at once: realistic round
     * lengths keep the per-round views the size they have live), the next request when the previous was answered.
     * Only the transcript POST's answer is timed and counted.
     */
    private final class Loop {
        final String token;
        final int index;
        final long deadline;
        final LongAdder accepted;
        final LatencyRecorder latency;
        final ErrorCounts errors;
        final CountDownLatch done;
        int batches;

        Loop(String token, int index, long deadline, LongAdder accepted, LatencyRecorder latency,
                ErrorCounts errors, CountDownLatch done) {
            this.token = token;
            this.index = index;
            this.deadline = deadline;
            this.accepted = accepted;
            this.latency = latency;
            this.errors = errors;
            this.done = done;
        }

        void next() {
            if (System.nanoTime() >= deadline) {
                done.countDown();
                return;
            }
            client.startRound(token, "Peak ingest round " + index + "-" + batches, "engineer").subscribe(r -> {
                if (r.ok()) {
                    post(r.field("session_id"));
                } else {
                    errors.count("start_round_" + r.status());
                    next();
                }
            }, e -> {
                errors.count("start_round");
                next();
            });
        }

        void post(String round) {
            int offset = (index * 31 + batches++ * 7) % texts.size();
            List<Body> segments = new ArrayList<>(options.peakBatch());
            for (int i = 0; i < options.peakBatch(); i++) {
                long seq = i + 1;
                SpokenSegment s = texts.get((offset + i) % texts.size());
                segments.add(new Body(seq, "candidate", s.text(), seq * 2_000, seq * 2_000 + 1_800, true));
            }
            String json = JsonCodec.encodeToString(new Batch(segments));
            long t0 = System.nanoTime();
            client.post("/api/sessions/" + round + "/transcript", token, json).subscribe(r -> {
                latency.recordNanos(System.nanoTime() - t0);
                if (r.status() == 202) {
                    accepted.add(options.peakBatch());
                } else {
                    errors.count("transcript_" + r.status());
                }
                client.endRound(token, round).subscribe(end -> {
                    if (!end.ok()) {
                        errors.count("end_round_" + end.status());
                    }
                }, e -> errors.count("end_round"));
                next();
            }, e -> {
                errors.count("transcript");
                next();
            });
        }
    }

    record Batch(List<Body> segments) {
    }

    record Body(long seq, String speaker, String text, long startMs, long endMs,
            @JsonProperty("final") boolean finalSegment) {
    }
}
