package com.offerpulse.wsbench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.ConcurrentHistogram;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import com.offerpulse.contracts.analytics.SessionMeters;
import com.offerpulse.contracts.auth.HmacSecret;
import com.offerpulse.contracts.auth.Role;
import com.offerpulse.contracts.auth.TokenIssuer;
import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.realtime.RealtimeWsApplication;
import com.offerpulse.realtime.metrics.RealtimeMetrics;
import com.offerpulse.realtime.room.LocalRooms;
import com.offerpulse.realtime.room.RoomFanout;
import com.offerpulse.realtime.room.RoomMessage;
import com.offerpulse.realtime.room.RoomOwner;
import com.offerpulse.realtime.room.RoomOwners;
import com.offerpulse.realtime.room.RoomStore;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * Realtime rooms benchmark, loopback only and bounded in time. The parent JVM (this main) starts one realtime-ws
 * instance in a child JVM ({@code --server}, heap {@code --server-xmx}, in-process fanout, every round owned by the
 * bench user), opens {@code --connections} WebSockets to it ({@code --per-room} per room), then the child publishes
 * {@code --rate} meters/s round-robin over the rooms for {@code --seconds}. Fanout delay = publish time (wall clock,
 * microseconds, carried in the meters' hint) → frame received by the client; the server's own
 * {@code fanout_delay_ms} (source time → socket hand-off, ms resolution) is printed too. Heap per connection is the
 * server's heap after GC with all sockets open minus before, divided by the sockets.
 */
public final class WsBench {
    static final String SECRET = "wsbench-secret-that-is-at-least-32-bytes!";
    static final String USER = "u_bench";

    private WsBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        if (o.containsKey("server")) {
            server(o);
        } else {
            client(o);
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>(Map.of("connections", "10000", "rate", "2000", "per-room", "10",
                "seconds", "60", "server-xmx", "1g", "limit", "240", "concurrency", "256", "warmup", "15"));
        for (int i = 0; i < args.length; i++) {
            String k = args[i].replaceFirst("^--", "");
            if (k.equals("server")) {
                o.put(k, "true");
            } else {
                o.put(k, args[++i]);
            }
        }
        return o;
    }

    static String room(int i) {
        return "s_bench_" + i;
    }

    // ---------------------------------------------------------------- parent: the clients

    static void client(Map<String, String> o) throws Exception {
        int n = Integer.parseInt(o.get("connections"));
        int perRoom = Integer.parseInt(o.get("per-room"));
        int rooms = (n + perRoom - 1) / perRoom;
        long limit = Long.parseLong(o.get("limit"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(limit);
        System.out.printf("wsbench: %d connections, %d rooms, %s meters/s for %ss, server -Xmx%s, limit %ds%n", n,
                rooms, o.get("rate"), o.get("seconds"), o.get("server-xmx"), limit);

        List<String> cmd = List.of(Path.java(), "-Xmx" + o.get("server-xmx"), "-XX:+UseG1GC", "-cp",
                System.getProperty("java.class.path"), WsBench.class.getName(), "--server", "--connections",
                Integer.toString(n), "--per-room", Integer.toString(perRoom), "--rate", o.get("rate"), "--seconds",
                o.get("seconds"));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Runtime.getRuntime().addShutdownHook(new Thread(child::destroyForcibly));
        CountDownLatch ready = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger port = new AtomicInteger();
        List<String> serverReport = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("READY ")) {
                        port.set(Integer.parseInt(line.substring(6).trim()));
                        ready.countDown();
                    } else if (line.startsWith("RESULT ")) {
                        serverReport.add(line.substring(7));
                    } else if (line.startsWith("DONE")) {
                        done.countDown();
                    }
                    if (line.startsWith("[") || line.startsWith("READY") || line.startsWith("RESULT")
                            || line.contains("ERROR") || line.contains("Exception")) {
                        System.out.println("  server| " + line);
                    }
                }
            } catch (Exception e) {
                // child gone
            }
            ready.countDown();
            done.countDown();
        }, "server-output");
        reader.setDaemon(true);
        reader.start();
        if (!ready.await(60, TimeUnit.SECONDS) || port.get() == 0) {
            System.out.println("FAILED: server did not start");
            child.destroyForcibly();
            System.exit(2);
        }

        String token = new TokenIssuer(HmacSecret.parse(SECRET)).issue(USER, USER, Set.of(Role.CANDIDATE),
                Duration.ofHours(1), Instant.now()).token();
        ConcurrentHistogram delayMicros = new ConcurrentHistogram(60_000_000L, 3);
        // Same, without the first --warmup seconds of publishing (JIT, first bursts): the steady-state figure.
        ConcurrentHistogram steadyMicros = new ConcurrentHistogram(60_000_000L, 3);
        long warmupNanos = TimeUnit.SECONDS.toNanos(Long.parseLong(o.get("warmup")));
        AtomicLong firstDelivery = new AtomicLong();
        AtomicLong received = new AtomicLong();
        AtomicInteger open = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        LoopResources loops = LoopResources.create("wsbench", Math.max(2, Runtime.getRuntime().availableProcessors()),
                true);
        HttpClient http = HttpClient.create(ConnectionProvider.newConnection()).runOn(loops)
                .headers(h -> h.set("Authorization", "Bearer " + token))
                .responseTimeout(Duration.ofSeconds(30));
        WebsocketClientSpec spec = WebsocketClientSpec.builder().maxFramePayloadLength(1 << 20).build();

        long t0 = System.nanoTime();
        Flux.range(0, n).flatMap(i -> {
            Sinks.Empty<Void> first = Sinks.empty();
            String path = "/ws/rooms/" + room(i / perRoom);
            http.websocket(spec).uri("ws://127.0.0.1:" + port.get() + path).handle((in, out) -> in.receive()
                    .asString().doOnNext(text -> {
                        if (text.startsWith("{\"type\":\"snapshot\"")) {
                            first.tryEmitEmpty();
                            return;
                        }
                        received.incrementAndGet();
                        int at = text.indexOf("\"t=");
                        if (at > 0) {
                            long sent = Long.parseLong(text.substring(at + 3, text.indexOf('"', at + 3)));
                            long d = Math.max(0, nowMicros() - sent);
                            delayMicros.recordValue(d);
                            long now = System.nanoTime();
                            firstDelivery.compareAndSet(0, now);
                            if (now - firstDelivery.get() > warmupNanos) {
                                steadyMicros.recordValue(d);
                            }
                        }
                    }).then())
                    .subscribe(v -> { }, e -> {
                        if (first.tryEmitError(e).isSuccess()) {
                            failed.incrementAndGet();
                        } else {
                            closed.incrementAndGet();
                        }
                    }, () -> closed.incrementAndGet());
            return first.asMono().timeout(Duration.ofSeconds(30)).doOnSuccess(v -> {
                int k = open.incrementAndGet();
                if (k % 1000 == 0) {
                    System.out.printf("[client] %d connected (%.1fs)%n", k, (System.nanoTime() - t0) / 1e9);
                }
            }).onErrorResume(e -> {
                failed.incrementAndGet();
                return Mono.empty();
            });
        }, Integer.parseInt(o.get("concurrency"))).blockLast(Duration.ofSeconds(Math.max(10, limit - 30)));
        System.out.printf("[client] %d connected, %d failed in %.1fs%n", open.get(), failed.get(),
                (System.nanoTime() - t0) / 1e9);

        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "progress");
            t.setDaemon(true);
            return t;
        });
        progress.scheduleAtFixedRate(() -> System.out.printf(
                "[client] open=%d closed=%d received=%d delay all p50=%.2fms p99=%.2fms, after warm-up p50=%.2fms "
                        + "p99=%.2fms%n", open.get() - closed.get(), closed.get(), received.get(),
                delayMicros.getValueAtPercentile(50) / 1000.0, delayMicros.getValueAtPercentile(99) / 1000.0,
                steadyMicros.getValueAtPercentile(50) / 1000.0, steadyMicros.getValueAtPercentile(99) / 1000.0),
                5, 5, TimeUnit.SECONDS);

        long left = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime()));
        boolean finished = done.await(left, TimeUnit.SECONDS);
        progress.shutdownNow();
        System.out.println();
        System.out.println(finished ? "RESULT (finished)" : "RESULT (time limit hit: partial)");
        System.out.printf("  connections requested=%d opened=%d failed=%d closed-by-server-during-run=%d%n", n,
                open.get(), failed.get(), closed.get());
        System.out.printf("  client-measured fanout delay (publish -> frame received): p50=%.2f ms p99=%.2f ms "
                + "max=%.2f ms over %d deliveries%n", delayMicros.getValueAtPercentile(50) / 1000.0,
                delayMicros.getValueAtPercentile(99) / 1000.0, delayMicros.getMaxValue() / 1000.0,
                delayMicros.getTotalCount());
        System.out.printf("  same after the first %ss of deliveries: p50=%.2f ms p99=%.2f ms max=%.2f ms over %d "
                + "deliveries%n", o.get("warmup"), steadyMicros.getValueAtPercentile(50) / 1000.0,
                steadyMicros.getValueAtPercentile(99) / 1000.0, steadyMicros.getMaxValue() / 1000.0,
                steadyMicros.getTotalCount());
        serverReport.forEach(l -> System.out.println("  server: " + l));
        child.destroy();
        child.waitFor(10, TimeUnit.SECONDS);
        child.destroyForcibly();
        loops.disposeLater().block(Duration.ofSeconds(5));
        System.exit(finished ? 0 : 1);
    }

    static long nowMicros() {
        Instant now = Instant.now();
        return ChronoUnit.MICROS.between(Instant.EPOCH, now);
    }

    // ---------------------------------------------------------------- child: the realtime-ws instance

    /** Every bench round belongs to the bench user (no Kafka lifecycle topic here). */
    @Configuration(proxyBeanMethods = false)
    static class BenchOwners {
        @Bean
        @Primary
        RoomOwners benchRoomOwners() {
            return sessionId -> Mono.just(Optional.of(new RoomOwner(sessionId, USER, false)));
        }
    }

    static void server(Map<String, String> o) throws Exception {
        int n = Integer.parseInt(o.get("connections"));
        int perRoom = Integer.parseInt(o.get("per-room"));
        int rooms = (n + perRoom - 1) / perRoom;
        int rate = Integer.parseInt(o.get("rate"));
        int seconds = Integer.parseInt(o.get("seconds"));
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(RealtimeWsApplication.class,
                BenchOwners.class).properties("spring.config.name=realtime-ws").run(
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--offerpulse.kafka.bootstrap=127.0.0.1:1",
                        "--offerpulse.jwt.secret=" + SECRET,
                        "--offerpulse.realtime.redis-uri=redis://127.0.0.1:1",
                        "--offerpulse.realtime.redis-fallback=true",
                        "--offerpulse.realtime.max-connections-per-user=" + (n + 1),
                        "--offerpulse.realtime.max-connections-per-room=" + perRoom,
                        "--logging.level.root=WARN",
                        "--logging.level.org.apache.kafka=OFF");
        LocalRooms local = ctx.getBean(LocalRooms.class);
        RoomStore store = ctx.getBean(RoomStore.class);
        RoomFanout fanout = ctx.getBean(RoomFanout.class);
        RealtimeMetrics metrics = ctx.getBean(RealtimeMetrics.class);
        long heapBefore = heapAfterGc();
        System.out.println("[server] fanout mode " + local.fanoutMode() + ", heap after GC before sockets "
                + mb(heapBefore) + " MiB");
        System.out.println("READY " + ctx.getEnvironment().getProperty("local.server.port"));

        // Wait until every socket is in, or the count stops growing for 10 s.
        int last = -1;
        long stableSince = System.nanoTime();
        while (local.connectionCount() < n && System.nanoTime() - stableSince < TimeUnit.SECONDS.toNanos(10)) {
            Thread.sleep(500);
            int c = local.connectionCount();
            if (c != last) {
                last = c;
                stableSince = System.nanoTime();
            }
        }
        int sockets = local.connectionCount();
        long heapWith = heapAfterGc();
        System.out.printf("RESULT sockets=%d rooms=%d heap after GC: before=%d MiB with sockets=%d MiB -> %.1f KiB "
                + "per connection (max heap %d MiB)%n", sockets, local.roomCount(), mb(heapBefore), mb(heapWith),
                sockets == 0 ? 0 : (heapWith - heapBefore) / 1024.0 / sockets,
                mb(Runtime.getRuntime().maxMemory()));

        long[] asOf = new long[rooms];
        AtomicLong published = new AtomicLong();
        ScheduledExecutorService pub = Executors.newSingleThreadScheduledExecutor();
        int perTick = Math.max(1, rate / 100);
        int[] next = {0};
        long start = System.nanoTime();
        pub.scheduleAtFixedRate(() -> {
            for (int k = 0; k < perTick; k++) {
                int r = next[0];
                next[0] = (r + 1) % rooms;
                String id = room(r);
                long a = ++asOf[r];
                Instant now = Instant.now();
                SessionMeters m = new SessionMeters(id, 50, 60, 70, 40, 10, List.of("t=" + nowMicros()), a, now);
                store.append(id, RoomMessage.METERS, JsonCodec.encodeToString(m), a, now.toEpochMilli())
                        .ifPresent(fanout::publish);
                published.incrementAndGet();
            }
        }, 10, 10, TimeUnit.MILLISECONDS);
        for (int s = 5; s <= seconds; s += 5) {
            Thread.sleep(5000);
            RealtimeMetrics.Latency d = metrics.fanoutDelayMs();
            System.out.printf("[server] t=%ds published=%d (%.0f/s) sockets=%d heap=%d MiB server fanout p50=%.1fms "
                    + "p99=%.1fms%n", s, published.get(), published.get() / ((System.nanoTime() - start) / 1e9),
                    local.connectionCount(), mb(heapNow()), d.p50(), d.p99());
        }
        pub.shutdown();
        pub.awaitTermination(5, TimeUnit.SECONDS);
        Thread.sleep(1000);
        RealtimeMetrics.Latency d = metrics.fanoutDelayMs();
        System.out.printf("RESULT published=%d in %.1fs (%.0f/s); server fanout_delay_ms p50=%.1f p95=%.1f p99=%.1f "
                + "(%d socket hand-offs); sockets at end=%d; disconnects=%s%n", published.get(),
                (System.nanoTime() - start) / 1e9, published.get() / ((System.nanoTime() - start) / 1e9), d.p50(),
                d.p95(), d.p99(), d.count(), local.connectionCount(), metrics.disconnectCounts());
        System.out.println("DONE");
        System.out.flush();
        ctx.close();
        System.exit(0);
    }

    static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return heapNow();
    }

    static long heapNow() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }

    static final class Path {
        static String java() {
            return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        }
    }
}
