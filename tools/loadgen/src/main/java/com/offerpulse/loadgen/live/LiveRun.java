package com.offerpulse.loadgen.live;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.loadgen.LoadGenOptions;
import com.offerpulse.loadgen.corpus.Answer;
import com.offerpulse.loadgen.corpus.AnswerSegmenter;
import com.offerpulse.loadgen.corpus.Corpus;
import com.offerpulse.loadgen.corpus.SpokenSegment;
import com.offerpulse.loadgen.measure.ErrorCounts;
import com.offerpulse.loadgen.measure.LatencyRecorder;
import com.offerpulse.loadgen.measure.LatencySummary;
import com.offerpulse.loadgen.measure.TimelinePoint;
import com.offerpulse.loadgen.server.ServerSample;
import com.offerpulse.loadgen.server.ServerSampler;
import com.offerpulse.loadgen.server.ThreadCpu;

import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.WebsocketClientSpec;

/**
 * The live phase: {@code --candidates} candidates, started evenly over the ramp, each playing rounds back to back:
 * start a round, join its room socket (plus its invited viewers), stream the answer's segments over
 * {@code WS /ws/ingest/{id}} one every {@code --interval-ms}, end the round, start the next. End-to-end latency of a
 * segment = its ack received → the first meters update with {@code as_of_seq} = its seq received on the owner's
 * room socket (segments that finish no sentence have no meters update of their own and are not sampled).
 */
public final class LiveRun {
    private static final int MAX_FRAME = 1 << 20;
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(30);
    private static final long AFTER_END_WAIT_MS = 1_000;
    private static final long END_GIVE_UP_MS = 10_000;
    private static final long RETRY_MS = 1_000;

    private final LoadGenOptions options;
    private final Corpus corpus;
    private final AnswerSegmenter segmenter = AnswerSegmenter.defaults();
    private final PlatformClient client;
    private final ServerSampler sampler;
    private final String runId;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "loadgen-sender");
        t.setDaemon(true);
        return t;
    });
    private final WebsocketClientSpec wsSpec = WebsocketClientSpec.builder().maxFramePayloadLength(MAX_FRAME).build();

    final LatencyRecorder e2e = new LatencyRecorder();
    final LatencyRecorder e2eFromSend = new LatencyRecorder();
    final LatencyRecorder ack = new LatencyRecorder();
    final LatencyRecorder viewerE2e = new LatencyRecorder();
    final LatencyRecorder fanoutSpread = new LatencyRecorder();
    final LongAdder sent = new LongAdder();
    final LongAdder accepted = new LongAdder();
    final LongAdder meters = new LongAdder();
    final LongAdder viewerMeters = new LongAdder();
    final LongAdder metersBeforeAck = new LongAdder();
    final LongAdder roundsStarted = new LongAdder();
    final LongAdder roundsEnded = new LongAdder();
    final LongAdder sessionEnds = new LongAdder();
    final ErrorCounts errors = new ErrorCounts();
    final AtomicInteger active = new AtomicInteger();
    final AtomicInteger finished = new AtomicInteger();
    private volatile boolean stopping;
    private final List<Candidate> candidates = new ArrayList<>();

    public LiveRun(LoadGenOptions options, Corpus corpus, PlatformClient client, ServerSampler sampler, String runId) {
        this.options = options;
        this.corpus = corpus;
        this.client = client;
        this.sampler = sampler;
        this.runId = runId;
    }

    /** Runs the phase (bounded by {@code --seconds} + {@code --drain-seconds}) and returns what it measured. */
    public LiveResult run() throws InterruptedException {
        int n = options.candidates();
        for (int i = 0; i < n; i++) {
            candidates.add(new Candidate(i));
        }
        for (int v = 0; v < options.viewers(); v++) {
            candidates.get(v % n).viewers.add(new Viewer("lg-" + runId + "-v" + v));
        }
        System.out.printf("live: %d candidates (1 segment / %d ms each = %.0f segments/s at full ramp), %d viewers, "
                + "%d s (ramp %d s, warm-up %d s)%n", n, options.intervalMs(), n * 1000.0 / options.intervalMs(),
                options.viewers(), options.seconds(), options.rampSeconds(), options.warmupSeconds());
        long rampMs = options.rampSeconds() * 1000L;
        for (int i = 0; i < n; i++) {
            Candidate c = candidates.get(i);
            ticker.schedule(c::start, n == 1 ? 0 : rampMs * i / n, TimeUnit.MILLISECONDS);
        }
        List<TimelinePoint> timeline = new ArrayList<>();
        long start = System.nanoTime();
        long[] last = new long[4];
        long lastErrors = 0;
        int steadyFrom = options.rampSeconds() + options.warmupSeconds();
        int limit = options.seconds() + options.drainSeconds();
        Map<String, Double> cpuAtSteadyStart = Map.of();
        Map<String, Double> cpuSteady = Map.of();
        long acceptedAtSteadyStart = 0;
        long acceptedSteady = 0;
        for (int second = 1; second <= limit; second++) {
            long wake = start + TimeUnit.SECONDS.toNanos(second);
            long sleep = wake - System.nanoTime();
            if (sleep > 0) {
                TimeUnit.NANOSECONDS.sleep(sleep);
            }
            if (second == options.seconds()) {
                stopping = true;
                System.out.println("live: stopping; candidates end their rounds");
            }
            if (second == steadyFrom) {
                cpuAtSteadyStart = ThreadCpu.snapshot(options.serverPid());
                acceptedAtSteadyStart = accepted.sum();
            } else if (second == options.seconds()) {
                cpuSteady = ThreadCpu.delta(cpuAtSteadyStart, ThreadCpu.snapshot(options.serverPid()));
                acceptedSteady = accepted.sum() - acceptedAtSteadyStart;
            }
            boolean steady = second > steadyFrom && second <= options.seconds();
            LatencySummary e = e2e.tick(steady);
            LatencySummary a = ack.tick(steady);
            e2eFromSend.tick(steady);
            viewerE2e.tick(steady);
            fanoutSpread.tick(steady);
            if (second % 5 == 0) {
                sampleInBackground();
            }
            ServerSample s = sampler.latest();
            long[] now = {sent.sum(), accepted.sum(), meters.sum(), 0};
            long errs = errors.total();
            TimelinePoint p = new TimelinePoint(second, active.get(), now[0] - last[0], now[1] - last[1],
                    now[2] - last[2], e.p50(), e.p99(), a.p99(), errs - lastErrors, clientHeapMb(),
                    Math.round(s.heapUsedMb()), s.streamLag());
            last = now;
            lastErrors = errs;
            timeline.add(p);
            System.out.println(p.progressLine("live"));
            if (stopping && finished.get() == n) {
                break;
            }
        }
        stopping = true;
        ticker.shutdownNow();
        candidates.forEach(Candidate::disposeAll);
        return new LiveResult(n, options.viewers(), options.intervalMs(), options.seconds(), steadyFrom,
                sent.sum(), accepted.sum(), meters.sum(), viewerMeters.sum(), metersBeforeAck.sum(),
                roundsStarted.sum(), roundsEnded.sum(), sessionEnds.sum(), e2e.steady(), e2e.all(),
                e2eFromSend.steady(), ack.steady(), ack.all(), viewerE2e.steady(), fanoutSpread.steady(),
                steadyRate(timeline, steadyFrom), cpuSteady, ThreadCpu.perUnit(cpuSteady, acceptedSteady),
                errors.snapshot(), timeline);
    }

    private double steadyRate(List<TimelinePoint> timeline, int steadyFrom) {
        return timeline.stream().filter(p -> p.second() > steadyFrom && p.second() <= options.seconds())
                .mapToLong(TimelinePoint::acceptedPerSecond).average().orElse(0);
    }

    static long clientHeapMb() {
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
    }

    /** Sampling blocks for a few ms; it runs on its own short-lived thread so the tick stays on time. */
    private void sampleInBackground() {
        Thread t = new Thread(() -> {
            try {
                sampler.sample();
            } catch (RuntimeException ignored) {
                // the next sample will tell
            }
        }, "loadgen-sampler");
        t.setDaemon(true);
        t.start();
    }

    // ---------------------------------------------------------------------------------------------- candidates

    /** A viewer: its own user, invited by the candidate into each new round. */
    private final class Viewer {
        final String username;
        volatile String token;

        Viewer(String username) {
            this.username = username;
        }
    }

    private final class Candidate {
        final int index;
        final String username;
        final List<Viewer> viewers = new CopyOnWriteArrayList<>();
        volatile String token;
        volatile Round current;
        final List<Round> lingering = new CopyOnWriteArrayList<>();
        int round;

        Candidate(int index) {
            this.index = index;
            this.username = "lg-" + runId + "-c" + index;
        }

        void start() {
            if (stopping) {
                finished.incrementAndGet();
                return;
            }
            List<Mono<Boolean>> logins = new ArrayList<>();
            logins.add(client.login(username).map(r -> {
                if (r.ok()) {
                    token = r.field("token");
                }
                return r.ok();
            }));
            for (Viewer v : viewers) {
                logins.add(client.login(v.username).map(r -> {
                    if (r.ok()) {
                        v.token = r.field("token");
                    }
                    return r.ok();
                }));
            }
            Mono.zip(logins, oks -> {
                for (Object ok : oks) {
                    if (!(Boolean) ok) {
                        return false;
                    }
                }
                return true;
            }).subscribe(ok -> {
                if (ok) {
                    newRound();
                } else {
                    errors.count("login");
                    retry(this::start);
                }
            }, e -> {
                errors.count("login");
                retry(this::start);
            });
        }

        void retry(Runnable what) {
            if (stopping) {
                finished.incrementAndGet();
                return;
            }
            ticker.schedule(what, RETRY_MS, TimeUnit.MILLISECONDS);
        }

        void newRound() {
            if (stopping) {
                finished.incrementAndGet();
                return;
            }
            Answer answer = corpus.pick(index, round++);
            List<SpokenSegment> segments = segmenter.segment(answer.text());
            client.startRound(token, answer.question(), answer.role()).subscribe(r -> {
                if (!r.ok()) {
                    errors.count("start_round_" + r.status());
                    retry(this::newRound);
                    return;
                }
                roundsStarted.increment();
                Round round = new Round(this, r.field("session_id"), segments, !viewers.isEmpty());
                lingering.removeIf(old -> old.closed.get());
                if (current != null) {
                    lingering.add(current);
                }
                current = round;
                round.join();
            }, e -> {
                errors.count("start_round");
                retry(this::newRound);
            });
        }

        void disposeAll() {
            Round r = current;
            if (r != null) {
                r.dispose();
            }
            lingering.forEach(Round::dispose);
        }
    }

    /** One round of one candidate: its sockets, what was sent and acknowledged when, what was seen. */
    private final class Round {
        final Candidate owner;
        final String sessionId;
        final List<SpokenSegment> segments;
        final boolean watched;
        final AtomicLongArray sentAt;
        final AtomicLongArray ackAt;
        final AtomicIntegerArray ownerSeen;
        final Map<Long, Long> firstArrival = new ConcurrentHashMap<>();
        final List<Disposable> sockets = new CopyOnWriteArrayList<>();
        final AtomicBoolean endRequested = new AtomicBoolean();
        final AtomicBoolean closed = new AtomicBoolean();
        final Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer();
        volatile boolean closing;
        volatile ScheduledFuture<?> sending;
        int next;

        Round(Candidate owner, String sessionId, List<SpokenSegment> segments, boolean watched) {
            this.owner = owner;
            this.sessionId = sessionId;
            this.segments = segments;
            this.watched = watched;
            this.sentAt = new AtomicLongArray(segments.size() + 2);
            this.ackAt = new AtomicLongArray(segments.size() + 2);
            this.ownerSeen = new AtomicIntegerArray(segments.size() + 2);
        }

        void join() {
            List<Mono<Void>> ready = new ArrayList<>();
            ready.add(room(owner.token, null, true));
            for (Viewer v : owner.viewers) {
                ready.add(client.invite(owner.token, sessionId).flatMap(r -> {
                    if (!r.ok()) {
                        errors.count("invite_" + r.status());
                        return Mono.empty();
                    }
                    return room(v.token, r.field("invite_token"), false);
                }));
            }
            Mono.when(ready).timeout(JOIN_TIMEOUT).subscribe(null, e -> {
                errors.count("room_join");
                end();
            }, this::openIngest);
        }

        Mono<Void> room(String token, String invite, boolean isOwner) {
            Sinks.Empty<Void> ready = Sinks.empty();
            String uri = options.ws() + "/ws/rooms/" + sessionId + "?" + PlatformClient.query(token)
                    + (invite == null ? "" : "&invite=" + URLEncoder.encode(invite, StandardCharsets.UTF_8));
            sockets.add(client.http().websocket(wsSpec).uri(uri)
                    .handle((in, out) -> in.aggregateFrames(MAX_FRAME).receive().asString()
                            .doOnNext(text -> onRoomMessage(text, isOwner, ready)))
                    .subscribe(null, e -> {
                        ready.tryEmitError(e);
                        if (!closing) {
                            errors.count(isOwner ? "room_socket_error" : "viewer_socket_error");
                        }
                    }, () -> {
                        if (!closing) {
                            errors.count(isOwner ? "room_socket_closed" : "viewer_socket_closed");
                        }
                    }));
            return ready.asMono();
        }

        void onRoomMessage(String text, boolean isOwner, Sinks.Empty<Void> ready) {
            long now = System.nanoTime();
            String type = RoomMessages.type(text);
            if ("meters".equals(type)) {
                if (watched) {
                    long roomSeq = RoomMessages.roomSeq(text);
                    Long first = firstArrival.putIfAbsent(roomSeq, now);
                    if (first != null) {
                        fanoutSpread.recordNanos(now - first);
                    }
                }
                long s = RoomMessages.asOfSeq(text);
                if (s >= 0 && s < sentAt.length()) {
                    long acked = ackAt.get((int) s);
                    if (isOwner) {
                        meters.increment();
                        if (ownerSeen.compareAndSet((int) s, 0, 1)) {
                            if (acked > 0) {
                                e2e.recordNanos(now - acked);
                            } else {
                                metersBeforeAck.increment();
                                e2e.recordNanos(0);
                            }
                            long sentNanos = sentAt.get((int) s);
                            if (sentNanos > 0) {
                                e2eFromSend.recordNanos(now - sentNanos);
                            }
                        }
                    } else {
                        viewerMeters.increment();
                        if (acked > 0) {
                            viewerE2e.recordNanos(now - acked);
                        }
                    }
                }
            } else if ("session_end".equals(type) && isOwner) {
                sessionEnds.increment();
                ticker.schedule(this::close, AFTER_END_WAIT_MS, TimeUnit.MILLISECONDS);
            }
            ready.tryEmitEmpty();
        }

        void openIngest() {
            if (stopping) {
                end();
                return;
            }
            String uri = options.ws() + "/ws/ingest/" + sessionId + "?" + PlatformClient.query(owner.token);
            sockets.add(client.http().websocket(wsSpec).uri(uri).handle((in, out) -> {
                Mono<Void> rx = in.aggregateFrames(MAX_FRAME).receive().asString().doOnNext(this::onIngestReply)
                        .then();
                Mono<Void> tx = out.sendString(outbound.asFlux()).then();
                startSending();
                return Mono.when(rx, tx);
            }).subscribe(null, e -> {
                if (!closing) {
                    errors.count("ingest_socket_error");
                    end();
                }
            }, () -> {
                if (!closing && !endRequested.get()) {
                    errors.count("ingest_socket_closed");
                    end();
                }
            }));
        }

        void startSending() {
            active.incrementAndGet();
            sending = ticker.scheduleAtFixedRate(this::sendNext, 0, options.intervalMs(), TimeUnit.MILLISECONDS);
        }

        /** On the sender thread only. */
        void sendNext() {
            if (stopping || next >= segments.size()) {
                stopSending();
                if (stopping) {
                    end();
                }
                return;
            }
            SpokenSegment seg = segments.get(next++);
            String json = JsonCodec.encodeToString(new SocketBatch(Long.toString(seg.seq()), List.of(
                    new SegmentBody(seg.seq(), "candidate", seg.text(), seg.startMs(), seg.endMs(), true))));
            sentAt.set((int) seg.seq(), System.nanoTime());
            if (outbound.tryEmitNext(json).isSuccess()) {
                sent.increment();
            } else {
                errors.count("send_refused");
            }
        }

        void stopSending() {
            ScheduledFuture<?> f = sending;
            if (f != null && !f.isCancelled()) {
                f.cancel(false);
                active.decrementAndGet();
            }
        }

        void onIngestReply(String text) {
            long now = System.nanoTime();
            String type = RoomMessages.type(text);
            if ("ack".equals(type)) {
                long s = RoomMessages.lastSeq(text);
                if (s >= 0 && s < ackAt.length()) {
                    ackAt.set((int) s, now);
                    long sentNanos = sentAt.get((int) s);
                    if (sentNanos > 0) {
                        ack.recordNanos(now - sentNanos);
                    }
                    accepted.increment();
                    if (s == segments.size()) {
                        end();
                    }
                }
            } else {
                errors.count("ingest_" + type + "_" + RoomMessages.number(text, "\"status\":"));
            }
        }

        /**
         * Ends the round once (POST .../end) and starts the candidate's next round at once, like a candidate moving
         * on to the next question: the candidate keeps streaming while this round's room socket stays open in the
         * background until its session_end arrives (bounded), so late meters are still measured.
         */
        void end() {
            if (!endRequested.compareAndSet(false, true)) {
                return;
            }
            ticker.execute(this::stopSending);
            client.endRound(owner.token, sessionId).subscribe(r -> {
                if (r.ok()) {
                    roundsEnded.increment();
                } else {
                    errors.count("end_round_" + r.status());
                }
                ticker.schedule(this::close, END_GIVE_UP_MS, TimeUnit.MILLISECONDS);
                owner.newRound();
            }, e -> {
                errors.count("end_round");
                close();
                owner.newRound();
            });
        }

        /** Closes the round's sockets (once). */
        void close() {
            if (closed.compareAndSet(false, true)) {
                dispose();
            }
        }

        void dispose() {
            closing = true;
            outbound.tryEmitComplete();
            sockets.forEach(Disposable::dispose);
        }
    }

    /** The ingest socket's message: a batch with a client reference echoed in the ack. */
    record SocketBatch(String ref, List<SegmentBody> segments) {
    }

    /** One segment as the public API takes it (snake_case on the wire). */
    record SegmentBody(long seq, String speaker, String text, long startMs, long endMs,
            @JsonProperty("final") boolean finalSegment) {
    }
}
