package com.offerpulse.loadgen;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options, each with a named default and a hard maximum so a run stays bounded; every target must be
 * a loopback address (the tool refuses anything else).
 */
public record LoadGenOptions(URI target, Set<Phase> phases, int candidates, int viewers, int intervalMs,
        int seconds, int rampSeconds, int warmupSeconds, int drainSeconds, int peakSeconds, int peakBatch,
        int peakConcurrency, int floorSeconds, int floorRate, String kafka, String redis, String streamGroup,
        Path out, String label, int limitSeconds, long serverPid) {

    public enum Phase { FLOORS, LIVE, PEAK }

    public static final int MAX_CANDIDATES = 5_000;
    public static final int MAX_VIEWERS_PER_ROOM = 19; // realtime's default per-room cap is 20 including the owner
    public static final int MAX_SECONDS = 900;
    public static final int MAX_PEAK_BATCH = 500; // the ingest API's own limit per batch
    public static final int MAX_PEAK_CONCURRENCY = 64;
    public static final int MAX_FLOOR_RATE = 50_000;
    public static final int MAX_LIMIT_SECONDS = 3_600;

    /** name → (default, maximum, help); the maximum is -1 for text options. */
    static final Map<String, String[]> OPTIONS = new LinkedHashMap<>();

    static {
        opt("target", "http://127.0.0.1:8080", "-1", "the platform (launcher) base URL; loopback only");
        opt("phases", "floors,live,peak", "-1", "which phases to run, comma separated: floors, live, peak");
        opt("candidates", "2000", Integer.toString(MAX_CANDIDATES),
                "live: concurrent candidates, each streaming answers");
        opt("viewers", "0", Integer.toString(MAX_CANDIDATES * 4),
                "live: invited viewers in total, spread over the rooms");
        opt("interval-ms", "1000", "10000", "live: one segment per candidate every this many ms (>= 100)");
        opt("seconds", "60", Integer.toString(MAX_SECONDS), "live: how long candidates stream, ramp included");
        opt("ramp-seconds", "20", "300", "live: candidates start evenly over this many seconds");
        opt("warmup-seconds", "10", "300", "live: after the ramp, seconds left out of the steady-state figures");
        opt("drain-seconds", "15", "120", "live/peak: after the load, wait at most this long for outstanding results");
        opt("peak-seconds", "20", "300", "peak: seconds of batched HTTP ingest");
        opt("peak-batch", "500", Integer.toString(MAX_PEAK_BATCH), "peak: segments per POST .../transcript");
        opt("peak-concurrency", "8", Integer.toString(MAX_PEAK_CONCURRENCY),
                "peak: requests in flight (one user and one round each)");
        opt("floor-seconds", "10", "120", "floors: seconds per latency floor");
        opt("floor-rate", "2000", Integer.toString(MAX_FLOOR_RATE), "floors: messages/s for the latency floors");
        opt("kafka", "127.0.0.1:29092", "-1", "floors: the platform's broker (LauncherSettings.DEFAULT_KAFKA_PORT)");
        opt("redis", "127.0.0.1:6379", "-1", "floors: the Redis the realtime service uses");
        opt("stream-group", "offerpulse-stream", "-1", "the stream processor's application id (lag is read from it)");
        opt("out", "target/loadgen", "-1", "directory for result.json and latency.html");
        opt("label", "", "-1", "free text stored with the result (e.g. the change being measured)");
        opt("limit", "1200", Integer.toString(MAX_LIMIT_SECONDS), "hard bound on the whole run, seconds");
        opt("server-pid", "0", Long.toString(Long.MAX_VALUE),
                "the server's pid, to read its memory and CPU by component (0 = skip)");
    }

    private static void opt(String name, String def, String max, String help) {
        OPTIONS.put(name, new String[] {def, max, help});
    }

    public static String help() {
        StringBuilder sb = new StringBuilder("""
                OfferPulse load generator (loopback only, bounded).

                Phases: floors (raw Kafka produce->consume on the platform's broker, raw Redis pub/sub), live (N
                candidates stream realistic answers over WS /ws/ingest/{id}, each watching WS /ws/rooms/{id}, plus M
                invited viewers; end-to-end = segment accepted -> its meters update received), peak (batched
                POST /api/sessions/{id}/transcript as fast as the platform accepts). Prints one progress line per
                second; writes <out>/result.json and <out>/latency.html.

                Usage: java -jar tools/loadgen/target/loadgen.jar [--option value]...

                """);
        OPTIONS.forEach((name, o) -> sb.append(String.format("  --%-17s %s (default %s%s)%n", name, o[2],
                o[0].isEmpty() ? "none" : o[0], o[1].equals("-1") ? "" : ", at most " + o[1])));
        sb.append("  --help              this text\n");
        return sb.toString();
    }

    /** Parses and validates; throws {@link IllegalArgumentException} with a message fit for the user. */
    public static LoadGenOptions parse(String... args) {
        Map<String, String> v = new LinkedHashMap<>();
        OPTIONS.forEach((k, o) -> v.put(k, o[0]));
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument '" + a + "' (options start with --)");
            }
            String name = a.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
                value = args[++i];
            }
            if (!OPTIONS.containsKey(name)) {
                throw new IllegalArgumentException("Unknown option --" + name + " (see --help)");
            }
            v.put(name, value);
        }
        URI target = URI.create(v.get("target"));
        if (!"http".equals(target.getScheme()) || target.getHost() == null) {
            throw new IllegalArgumentException("--target must be an http:// URL, got " + v.get("target"));
        }
        requireLoopback("--target", target.getHost());
        String kafka = v.get("kafka");
        for (String hostPort : kafka.split(",")) {
            requireLoopback("--kafka", hostOf(hostPort));
        }
        requireLoopback("--redis", hostOf(v.get("redis")));
        Set<Phase> phases = EnumSet.noneOf(Phase.class);
        for (String p : v.get("phases").split(",")) {
            if (!p.isBlank()) {
                try {
                    phases.add(Phase.valueOf(p.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Unknown phase '" + p + "' (floors, live, peak)");
                }
            }
        }
        if (phases.isEmpty()) {
            throw new IllegalArgumentException("--phases names no phase");
        }
        int candidates = bounded(v, "candidates", 1);
        int viewers = bounded(v, "viewers", 0);
        if (viewers > candidates * MAX_VIEWERS_PER_ROOM) {
            throw new IllegalArgumentException("--viewers: at most " + MAX_VIEWERS_PER_ROOM
                    + " per candidate's room (the realtime per-room cap)");
        }
        int seconds = bounded(v, "seconds", 5);
        int ramp = bounded(v, "ramp-seconds", 0);
        int warmup = bounded(v, "warmup-seconds", 0);
        if (ramp + warmup >= seconds) {
            throw new IllegalArgumentException("--seconds must be longer than --ramp-seconds + --warmup-seconds");
        }
        return new LoadGenOptions(target, phases, candidates, viewers, bounded(v, "interval-ms", 100), seconds, ramp,
                warmup, bounded(v, "drain-seconds", 0), bounded(v, "peak-seconds", 1), bounded(v, "peak-batch", 1),
                bounded(v, "peak-concurrency", 1), bounded(v, "floor-seconds", 1), bounded(v, "floor-rate", 1),
                kafka, v.get("redis"), v.get("stream-group"), Path.of(v.get("out")), v.get("label"),
                bounded(v, "limit", 10), Long.parseLong(v.get("server-pid")));
    }

    private static int bounded(Map<String, String> v, String name, int min) {
        long max = Long.parseLong(OPTIONS.get(name)[1]);
        long value;
        try {
            value = Long.parseLong(v.get(name).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, got '" + v.get(name) + "'");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException("--" + name + " must be between " + min + " and " + max + ", got "
                    + value);
        }
        return (int) value;
    }

    static String hostOf(String hostPort) {
        String s = hostPort.strip();
        if (s.startsWith("[")) {
            return s.substring(1, s.indexOf(']'));
        }
        int colon = s.lastIndexOf(':');
        return colon < 0 ? s : s.substring(0, colon);
    }

    /** Refuses anything that does not resolve to a loopback address only. */
    static void requireLoopback(String option, String host) {
        try {
            InetAddress[] all = InetAddress.getAllByName(host);
            for (InetAddress a : all) {
                if (!a.isLoopbackAddress()) {
                    throw new IllegalArgumentException(option + " " + host + " is not a loopback address ("
                            + a.getHostAddress() + "): this tool only loads the local machine");
                }
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(option + ": cannot resolve " + host);
        }
    }

    public boolean runs(Phase phase) {
        return phases.contains(phase);
    }

    public String ws() {
        return "ws://" + target.getHost() + ":" + (target.getPort() < 0 ? 80 : target.getPort());
    }
}
