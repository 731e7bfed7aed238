package com.offerpulse.tools.replay;

import java.io.PrintStream;
import java.time.Duration;

/** Prints "what: done / total (rate/s)" at most once per interval, and once at the end. */
final class Progress {
    private final PrintStream out;
    private final String what;
    private final long total;
    private final long intervalNanos;
    private final long start = System.nanoTime();
    private long lastPrint;

    Progress(PrintStream out, String what, long total, Duration interval) {
        this.out = out;
        this.what = what;
        this.total = total;
        this.intervalNanos = interval.toNanos();
        this.lastPrint = start;
    }

    void update(long done) {
        long now = System.nanoTime();
        if (now - lastPrint >= intervalNanos) {
            lastPrint = now;
            print(done, now);
        }
    }

    void finish(long done) {
        print(done, System.nanoTime());
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private void print(long done, long now) {
        double seconds = Math.max(1e-3, (now - start) / 1e9);
        out.printf("  %-12s %,d / %,d records (%,.0f/s, %.1f s)%n", what, done, total, done / seconds, seconds);
    }
}
