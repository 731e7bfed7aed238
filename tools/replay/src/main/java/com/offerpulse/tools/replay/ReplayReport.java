package com.offerpulse.tools.replay;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a replay found. {@link #identical()} holds when every compared output matches the live one exactly.
 *
 * @param kinds       per output kind, how many records each side has and how many match
 * @param users       each selected user's offer probability, live (after their last selected round) and replayed
 * @param differences the first differing records, field by field (transcript text never shown)
 */
public record ReplayReport(String runId, String formula, String selection, int rounds, long selectedSegments,
        long inputRecords, List<KindComparison> kinds, List<UserProbability> users, List<Difference> differences,
        Duration copyTime, Duration processingTime) {

    /**
     * One kind of output, compared by its idempotency key (sentence: round + index; meters: round + as_of_seq in
     * order; summary: round; view: user; completion: round).
     */
    public record KindComparison(String kind, long live, long replay, long identical, long differing, long onlyLive,
            long onlyReplay) {
        @JsonProperty("matches")
        public boolean matches() {
            return differing == 0 && onlyLive == 0 && onlyReplay == 0;
        }
    }

    /**
     * @param live              the live view after the user's last selected round (null if none)
     * @param replay            the replayed view's probability (null if none)
     * @param historyComplete   the replay saw every round the live view counted (sessions_count equal); when false,
     *                          the two numbers come from different histories and are not comparable like for like
     */
    public record UserProbability(String userId, Double live, Double replay, Integer liveSessions,
            Integer replaySessions, boolean historyComplete) {
        @JsonProperty("delta")
        public Double delta() {
            return live == null || replay == null ? null : Math.round((replay - live) * 10_000) / 10_000.0;
        }
    }

    public record Difference(String kind, String key, String where, List<String> fields) {
    }

    @JsonProperty("identical")
    public boolean identical() {
        return kinds.stream().allMatch(KindComparison::matches);
    }

    public KindComparison kind(String name) {
        return kinds.stream().filter(k -> k.kind().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no kind " + name));
    }

    void print(PrintStream out, int maxUsers) {
        out.printf("%nReplay %s (formula %s, %s): %d rounds, %,d selected segments, %,d input records; copy %.1f s, "
                + "processing %.1f s%n", runId, formula, selection, rounds, selectedSegments, inputRecords,
                copyTime.toMillis() / 1e3, processingTime.toMillis() / 1e3);
        out.printf("%n  %-22s %10s %10s %10s %10s %10s %12s%n", "output", "live", "replay", "identical", "differ",
                "only live", "only replay");
        for (KindComparison k : kinds) {
            out.printf("  %-22s %,10d %,10d %,10d %,10d %,10d %,12d%n", k.kind(), k.live(), k.replay(), k.identical(),
                    k.differing(), k.onlyLive(), k.onlyReplay());
        }
        out.printf("%n  %-36s %12s %12s %9s %14s%n", "user", "live p", "replay p", "delta", "rounds l/r");
        users.stream().limit(maxUsers).forEach(u -> out.printf("  %-36s %12s %12s %9s %14s%s%n", u.userId(),
                fmt(u.live()), fmt(u.replay()), fmt(u.delta()), u.liveSessions() + "/" + u.replaySessions(),
                u.historyComplete() ? "" : "  (history outside the selection)"));
        if (users.size() > maxUsers) {
            out.printf("  … %d more users (--json has all)%n", users.size() - maxUsers);
        }
        if (!differences.isEmpty()) {
            out.printf("%n  First differences:%n");
            for (Difference d : differences) {
                out.printf("  - %s %s %s%n", d.kind(), d.key(), d.where());
                d.fields().forEach(f -> out.printf("      %s%n", f));
            }
        }
        out.printf("%n%s%n", identical() ? "IDENTICAL: the replay reproduces the live outputs exactly."
                : "DIFFERENT: see the table and the first differences above.");
    }

    private static String fmt(Double d) {
        return d == null ? "-" : String.format(java.util.Locale.ROOT, "%.4f", d);
    }
}
