package com.offerpulse.tools.replay;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.offerpulse.stream.probability.FormulaVersion;

/**
 * The command line, parsed and checked. Every default is a named constant here and is printed by {@code --help}.
 *
 * @param command                what to do
 * @param bootstrap              the Kafka cluster holding the live topics
 * @param runId                  names the sandbox ({@code sandbox.<run-id>.*}, application id {@code replay-<run-id>})
 * @param selection              which segments (and so which rounds) to re-derive
 * @param formula                offer-probability formula of the replay
 * @param wholeRounds            replay every segment of each selected round, not only those inside the selection
 * @param cleanupAfter           delete the sandbox after the report
 * @param maxDifferences         differing records to print
 * @param jsonReport             where to write the report as JSON, or null
 * @param stateDir               Kafka Streams state directory, or null for a temporary one (deleted afterwards)
 * @param timeout                give up waiting for the replay after this long
 * @param liveInactivityTimeout  the live stream processor's inactivity timeout: when a round ended by timeout ended
 * @param progressInterval       how often progress is printed
 */
public record ReplayOptions(Command command, String bootstrap, String runId, Selection selection,
        FormulaVersion formula, boolean wholeRounds, boolean cleanupAfter, int maxDifferences, Path jsonReport,
        Path stateDir, Duration timeout, Duration liveInactivityTimeout, Duration progressInterval) {

    public enum Command {
        RUN, CLEANUP, LIST, HELP
    }

    static final String DEFAULT_BOOTSTRAP = "localhost:9092";
    static final String BOOTSTRAP_ENV = "OFFERPULSE_KAFKA_BOOTSTRAP";
    static final int DEFAULT_MAX_DIFFERENCES = 10;
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);
    /** The stream processor's default {@code offerpulse.stream.inactivity-timeout}. */
    static final Duration DEFAULT_LIVE_INACTIVITY_TIMEOUT = Duration.ofMinutes(10);
    static final Duration DEFAULT_PROGRESS_INTERVAL = Duration.ofSeconds(1);

    static final String USAGE = """
            Usage: java -jar tools/replay/target/replay.jar <selection> [options]
                   java -jar tools/replay/target/replay.jar --cleanup --run-id <id> [--bootstrap <host:port>]
                   java -jar tools/replay/target/replay.jar --list [--bootstrap <host:port>]

            Re-derives part of transcript.segments.v1 (and the session.lifecycle.v1 events of its rounds) through the
            stream-processor topology under a fresh application id, into sandbox topics sandbox.<run-id>.*, and
            reports how sentences, meters, summaries and offer probabilities differ from the live ones. Never writes
            a live topic. See docs/REPLAY.md.

            Selection (exactly one):
              --from <instant> [--to <instant>]   segments with a record time in [from, to), and rounds started then;
                                                  instants as 2026-11-26T09:00:00Z or 2026-11-26T09:00 (UTC)
              --offsets <p:from-to>[,...]         segments by partition and offset, to exclusive ("3:120-" = to the end)
              --all                               every segment and every round

            Options:
              --bootstrap <host:port,...>   Kafka cluster (default $%s, else %s)
              --run-id <id>                 sandbox name: a-z, 0-9 and '-', at most 40 (default r<UTC yyyyMMdd-HHmmss>)
              --formula v1|v2               offer-probability formula of the replay (default v1, the live one)
              --range-only                  replay only the selected segments (default: every segment of each round
                                            the selection touches, so no round is cut in half)
              --cleanup-after               delete the sandbox once the report is printed (default: keep it)
              --max-differences <n>         differing records to print (default %d)
              --json <file>                 also write the report as JSON
              --state-dir <dir>             Kafka Streams state (default: a temporary directory, deleted afterwards)
              --timeout <duration>          give up after this long, e.g. PT45M or 45m (default %s)
              --live-inactivity-timeout <d> the live offerpulse.stream.inactivity-timeout (default %s)
              --help                        this text

            Exit status: 0 the replay matches the live outputs, 1 it differs (expected with another --formula),
            2 bad usage, 3 the replay failed.
            """.formatted(BOOTSTRAP_ENV, DEFAULT_BOOTSTRAP, DEFAULT_MAX_DIFFERENCES, human(DEFAULT_TIMEOUT),
            human(DEFAULT_LIVE_INACTIVITY_TIMEOUT));

    public ReplayOptions {
        if (command == Command.RUN && selection == null) {
            throw new IllegalArgumentException("choose what to replay: --from/--to, --offsets or --all");
        }
        if (command == Command.CLEANUP && runId == null) {
            throw new IllegalArgumentException("--cleanup needs the --run-id of the sandbox to delete");
        }
        if (runId != null) {
            SandboxTopics.checkRunId(runId);
        }
        if (maxDifferences < 0) {
            throw new IllegalArgumentException("--max-differences must not be negative");
        }
    }

    /** A run with defaults for everything but the selection (for tests and callers embedding the tool). */
    public static ReplayOptions run(String bootstrap, String runId, Selection selection, FormulaVersion formula) {
        return new ReplayOptions(Command.RUN, bootstrap, runId, selection, formula, true, false,
                DEFAULT_MAX_DIFFERENCES, null, null, DEFAULT_TIMEOUT, DEFAULT_LIVE_INACTIVITY_TIMEOUT,
                DEFAULT_PROGRESS_INTERVAL);
    }

    public static ReplayOptions parse(String[] args) {
        Map<String, String> values = new TreeMap<>();
        List<String> flags = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help", "-h", "--all", "--range-only", "--cleanup-after", "--cleanup", "--list" -> flags.add(a);
                case "--bootstrap", "--run-id", "--from", "--to", "--offsets", "--formula", "--max-differences",
                        "--json", "--state-dir", "--timeout", "--live-inactivity-timeout" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(a + " needs a value");
                    }
                    if (values.put(a, args[++i]) != null) {
                        throw new IllegalArgumentException(a + " given twice");
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + a + " (see --help)");
            }
        }
        if (flags.contains("--help") || flags.contains("-h") || args.length == 0) {
            return new ReplayOptions(Command.HELP, null, null, null, FormulaVersion.V1, true, false, 0, null, null,
                    DEFAULT_TIMEOUT, DEFAULT_LIVE_INACTIVITY_TIMEOUT, DEFAULT_PROGRESS_INTERVAL);
        }
        Command command = flags.contains("--cleanup") ? Command.CLEANUP
                : flags.contains("--list") ? Command.LIST : Command.RUN;
        String bootstrap = values.getOrDefault("--bootstrap", envOr(BOOTSTRAP_ENV, DEFAULT_BOOTSTRAP));
        String runId = values.get("--run-id");
        if (runId == null && command == Command.RUN) {
            runId = "r" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(LocalDateTime.now(ZoneOffset.UTC));
        }
        Selection selection = command == Command.RUN ? selection(values, flags.contains("--all")) : null;
        return new ReplayOptions(command, bootstrap, runId, selection,
                FormulaVersion.parse(values.getOrDefault("--formula", "v1")), !flags.contains("--range-only"),
                flags.contains("--cleanup-after"),
                Integer.parseInt(values.getOrDefault("--max-differences", String.valueOf(DEFAULT_MAX_DIFFERENCES))),
                values.containsKey("--json") ? Path.of(values.get("--json")) : null,
                values.containsKey("--state-dir") ? Path.of(values.get("--state-dir")) : null,
                duration(values.get("--timeout"), DEFAULT_TIMEOUT),
                duration(values.get("--live-inactivity-timeout"), DEFAULT_LIVE_INACTIVITY_TIMEOUT),
                DEFAULT_PROGRESS_INTERVAL);
    }

    private static Selection selection(Map<String, String> values, boolean all) {
        boolean time = values.containsKey("--from") || values.containsKey("--to");
        boolean offsets = values.containsKey("--offsets");
        if ((all ? 1 : 0) + (time ? 1 : 0) + (offsets ? 1 : 0) != 1) {
            throw new IllegalArgumentException("choose exactly one selection: --from/--to, --offsets or --all");
        }
        if (all) {
            return new Selection.All();
        }
        if (time) {
            return new Selection.TimeRange(instant(values.get("--from"), "--from"),
                    values.containsKey("--to") ? instant(values.get("--to"), "--to") : null);
        }
        Map<Integer, Selection.OffsetRange> ranges = new TreeMap<>();
        for (String part : values.get("--offsets").split(",")) {
            String[] pr = part.trim().split(":", 2);
            String[] ft = pr.length == 2 ? pr[1].split("-", -1) : new String[0];
            if (ft.length != 2 || ft[0].isBlank()) {
                throw new IllegalArgumentException("--offsets takes partition:from-to, e.g. 0:100-250 or 3:120-");
            }
            try {
                int partition = Integer.parseInt(pr[0].trim());
                Selection.OffsetRange range = new Selection.OffsetRange(Long.parseLong(ft[0].trim()),
                        ft[1].isBlank() ? null : Long.parseLong(ft[1].trim()));
                if (ranges.put(partition, range) != null) {
                    throw new IllegalArgumentException("--offsets names partition " + partition + " twice");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--offsets takes numbers: " + part);
            }
        }
        return Selection.Offsets.of(ranges);
    }

    static Instant instant(String text, String option) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(option + " takes an instant like 2026-11-26T09:00:00Z: " + text);
            }
        }
    }

    static Duration duration(String text, Duration otherwise) {
        if (text == null) {
            return otherwise;
        }
        String t = text.trim().toUpperCase(java.util.Locale.ROOT);
        try {
            return t.startsWith("P") ? Duration.parse(t)
                    : Duration.parse(t.endsWith("D") ? "P" + t : "PT" + t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a duration: " + text + " (e.g. 45m, 2h, PT30S)");
        }
    }

    private static String human(Duration d) {
        return d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }

    private static String envOr(String name, String otherwise) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? otherwise : v;
    }
}
