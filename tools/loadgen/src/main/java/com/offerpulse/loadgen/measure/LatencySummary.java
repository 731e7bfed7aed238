package com.offerpulse.loadgen.measure;

import org.HdrHistogram.Histogram;

/** Percentiles of one latency distribution, in milliseconds (recorded in microseconds). */
public record LatencySummary(long count, double p50, double p95, double p99, double max, double mean) {

    public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0);

    public static LatencySummary of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return EMPTY;
        }
        return new LatencySummary(micros.getTotalCount(), ms(micros.getValueAtPercentile(50)),
                ms(micros.getValueAtPercentile(95)), ms(micros.getValueAtPercentile(99)), ms(micros.getMaxValue()),
                Math.round(micros.getMean()) / 1000.0);
    }

    /** Exact percentiles of a small sample by the nearest-rank method, for tests and short series. */
    public static LatencySummary ofMillis(double... values) {
        if (values.length == 0) {
            return EMPTY;
        }
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        return new LatencySummary(sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99),
                sorted[sorted.length - 1], sum / sorted.length);
    }

    static double rank(double[] sorted, double percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    /** {@code this} divided by a floor (how many times slower than what the machine allows); 0 without a floor. */
    public Ratio over(LatencySummary floor) {
        return new Ratio(divide(p50, floor.p50), divide(p99, floor.p99));
    }

    static double divide(double a, double b) {
        return b <= 0 ? 0 : Math.round(a / b * 10.0) / 10.0;
    }

    /** Ratios of p50 and p99 to a floor's. */
    public record Ratio(double p50, double p99) {
    }
}
