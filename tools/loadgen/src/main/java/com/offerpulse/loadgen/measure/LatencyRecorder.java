package com.offerpulse.loadgen.measure;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One measured latency, recorded from any thread in microseconds; the once-a-second tick takes the interval's
 * histogram (for the timeline) and folds it into the whole run's and, once warmed up, the steady window's.
 */
public final class LatencyRecorder {
    private static final long MAX_MICROS = 3_600_000_000L;

    private final Recorder recorder = new Recorder(MAX_MICROS, 3);
    private final Histogram all = new Histogram(MAX_MICROS, 3);
    private final Histogram steady = new Histogram(MAX_MICROS, 3);
    private Histogram interval;

    public void recordNanos(long nanos) {
        recorder.recordValue(Math.min(MAX_MICROS, Math.max(0, nanos / 1000)));
    }

    /** Called by the one ticking thread: returns this interval's summary and folds it into the totals. */
    public synchronized LatencySummary tick(boolean inSteadyWindow) {
        interval = recorder.getIntervalHistogram(interval);
        all.add(interval);
        if (inSteadyWindow) {
            steady.add(interval);
        }
        return LatencySummary.of(interval);
    }

    public synchronized LatencySummary all() {
        return LatencySummary.of(all);
    }

    public synchronized LatencySummary steady() {
        return LatencySummary.of(steady);
    }
}
