package com.offerpulse.loadgen.server;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of the server process by component, from {@code /proc/<pid>/task/<tid>/stat} (Linux): every thread's
 * user+system time, grouped by its (15-character) thread name. The launcher runs the broker, three Kafka Streams
 * applications and the web server in one JVM; this tells which of them a phase's CPU went to. CPU time is a
 * steadier measure than latency on a machine shared with other work: it counts what the code did, not how long it
 * waited for a core.
 */
public final class ThreadCpu {
    /** Clock ticks per second of {@code /proc} times (USER_HZ, 100 on Linux). */
    static final double TICKS_PER_SECOND = 100.0;

    /** Thread-name prefix → component, first match wins. */
    static final List<String[]> GROUPS = List.of(
            new String[] {"offerpulse-stre", "stream_processor"},
            new String[] {"offerpulse-quer", "query_views"},
            new String[] {"offerpulse-", "other_streams"},
            new String[] {"reactor-http", "http_and_websockets"},
            new String[] {"boundedElastic", "ingest_kafka_writes"},
            new String[] {"kafka-producer", "kafka_clients"},
            new String[] {"kafka-coordinat", "kafka_clients"},
            new String[] {"realtime-room", "realtime"},
            new String[] {"lettuce", "realtime"},
            new String[] {"session-directo", "realtime"},
            new String[] {"data-plane", "broker"},
            new String[] {"kafka", "broker"},
            new String[] {"TxnMarker", "broker"},
            new String[] {"AddPartitions", "broker"},
            new String[] {"group-coordinat", "broker"},
            new String[] {"executor-", "broker"},
            new String[] {"ExpirationReape", "broker"},
            new String[] {"quorum", "broker"},
            new String[] {"broker", "broker"},
            new String[] {"controller", "broker"},
            new String[] {"GC Thread", "gc"},
            new String[] {"G1", "gc"},
            new String[] {"C2 Compiler", "jit"},
            new String[] {"C1 Compiler", "jit"});

    private ThreadCpu() {
    }

    public static String componentOf(String threadName) {
        for (String[] g : GROUPS) {
            if (threadName.startsWith(g[0])) {
                return g[1];
            }
        }
        return "other";
    }

    /** Seconds of CPU (user + system) from one {@code stat} line, with the thread's name. */
    static Map.Entry<String, Double> parseStat(String stat) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        String name = stat.substring(open + 1, close);
        String[] rest = stat.substring(close + 2).split(" ");
        // after "pid (comm) ": state is field 3, so utime (14) and stime (15) are rest[11] and rest[12]
        long ticks = Long.parseLong(rest[11]) + Long.parseLong(rest[12]);
        return Map.entry(name, ticks / TICKS_PER_SECOND);
    }

    /** CPU seconds by component of every live thread of {@code pid}; empty if unreadable. */
    public static Map<String, Double> snapshot(long pid) {
        Map<String, Double> out = new TreeMap<>();
        if (pid <= 0) {
            return out;
        }
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks) {
                try {
                    Map.Entry<String, Double> e = parseStat(Files.readString(task.resolve("stat")));
                    out.merge(componentOf(e.getKey()), e.getValue(), Double::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended between listing and reading
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /** {@code after - before} per component, rounded to 10 ms (a thread that ended in between loses its time). */
    public static Map<String, Double> delta(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> out = new LinkedHashMap<>();
        double total = 0;
        for (Map.Entry<String, Double> e : after.entrySet()) {
            double d = Math.max(0, e.getValue() - before.getOrDefault(e.getKey(), 0.0));
            out.put(e.getKey(), Math.round(d * 100) / 100.0);
            total += d;
        }
        out.put("total", Math.round(total * 100) / 100.0);
        return out;
    }

    /** CPU milliseconds per unit of work (e.g. per segment) by component. */
    public static Map<String, Double> perUnit(Map<String, Double> cpuSeconds, long units) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (units <= 0) {
            return out;
        }
        cpuSeconds.forEach((k, v) -> out.put(k, Math.round(v * 1000.0 / units * 1000) / 1000.0));
        return out;
    }
}
