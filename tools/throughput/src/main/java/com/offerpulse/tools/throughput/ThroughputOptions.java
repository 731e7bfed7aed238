package com.offerpulse.tools.throughput;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The run's options, parsed strictly: an unknown or misspelled option, a missing value or a value out of bounds is an
 * {@link IllegalArgumentException} (the tool exits 2 before any work); {@code --help} is {@link #HELP}.
 *
 * @param sessions           rounds written (1..{@value #MAX_SESSIONS})
 * @param segmentsPerSession segments per round (1..{@value #MAX_SEGMENTS})
 * @param threads            stream threads (1..{@value #MAX_THREADS})
 */
public record ThroughputOptions(int sessions, int segmentsPerSession, int threads) {
    public static final int DEFAULT_SESSIONS = 2000;
    public static final int DEFAULT_SEGMENTS = 30;
    public static final int DEFAULT_THREADS = 2;
    public static final int MAX_SESSIONS = 100_000;
    public static final int MAX_SEGMENTS = 1_000;
    public static final int MAX_THREADS = 16;
    /** Returned for {@code --help} / {@code -h}: print {@link #help()} and do nothing else. */
    public static final ThroughputOptions HELP = new ThroughputOptions(0, 0, 0);

    public static String help() {
        return """
                usage: java -jar tools/throughput/target/throughput.jar [options]
                Segments per second through the whole stream-processor topology, exactly-once, on an in-process broker.
                  --sessions N              rounds to write (default %d, at most %d)
                  --segments-per-session N  segments per round (default %d, at most %d)
                  --threads N               stream threads (default %d, at most %d)
                  --help                    this text
                Exit codes: 0 done, 1 failed, 2 usage error (nothing was run).
                """.formatted(DEFAULT_SESSIONS, MAX_SESSIONS, DEFAULT_SEGMENTS, MAX_SEGMENTS, DEFAULT_THREADS,
                MAX_THREADS);
    }

    public static ThroughputOptions parse(String... args) {
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                return HELP;
            }
        }
        Map<String, Integer> values = new LinkedHashMap<>();
        values.put("sessions", DEFAULT_SESSIONS);
        values.put("segments-per-session", DEFAULT_SEGMENTS);
        values.put("threads", DEFAULT_THREADS);
        Map<String, Integer> max = Map.of("sessions", MAX_SESSIONS, "segments-per-session", MAX_SEGMENTS, "threads",
                MAX_THREADS);
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + a + "' (options start with --)");
            }
            String name = a.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("unknown option --" + name + " (see --help)");
            }
            int n;
            try {
                n = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " must be a whole number, got '" + value + "'");
            }
            if (n < 1 || n > max.get(name)) {
                throw new IllegalArgumentException("--" + name + " must be between 1 and " + max.get(name) + ", got " + n);
            }
            values.put(name, n);
        }
        return new ThroughputOptions(values.get("sessions"), values.get("segments-per-session"), values.get("threads"));
    }
}
