package com.offerpulse.loadgen.report;

import java.util.ArrayList;
import java.util.List;

import com.offerpulse.loadgen.floors.KafkaFloor;
import com.offerpulse.loadgen.floors.RedisFloor;
import com.offerpulse.loadgen.live.LiveResult;
import com.offerpulse.loadgen.measure.LatencySummary;
import com.offerpulse.loadgen.peak.PeakIngest;

/** The performance goals (docs/PERFORMANCE.md) checked against a run, and the ratios to the floors. */
public final class Targets {
    public static final int LIVE_CANDIDATES = 2_000;
    public static final double E2E_P99_MS = 250;
    public static final double E2E_P50_MS = 60;
    public static final double PEAK_SEGMENTS_PER_SECOND = 20_000;

    private Targets() {
    }

    public static List<LoadResult.TargetCheck> check(LiveResult live, PeakIngest.Result peak) {
        List<LoadResult.TargetCheck> out = new ArrayList<>();
        if (live != null) {
            boolean full = live.candidates() >= LIVE_CANDIDATES;
            double expected = live.candidates() * 1000.0 / live.intervalMs();
            out.add(new LoadResult.TargetCheck("live_candidates_sustained",
                    ">= " + LIVE_CANDIDATES + " candidates at 1 segment/s, accepted rate within 5% of sent",
                    live.acceptedPerSecondSteady(), "segments/s",
                    full && live.intervalMs() <= 1000 && live.acceptedPerSecondSteady() >= expected * 0.95));
            out.add(new LoadResult.TargetCheck("e2e_p99", "<= " + E2E_P99_MS + " ms with " + LIVE_CANDIDATES
                    + " candidates", live.e2eSteady().p99(), "ms",
                    full && live.e2eSteady().count() > 0 && live.e2eSteady().p99() <= E2E_P99_MS));
            out.add(new LoadResult.TargetCheck("e2e_p50", "<= " + E2E_P50_MS + " ms with " + LIVE_CANDIDATES
                    + " candidates", live.e2eSteady().p50(), "ms",
                    full && live.e2eSteady().count() > 0 && live.e2eSteady().p50() <= E2E_P50_MS));
        }
        if (peak != null) {
            out.add(new LoadResult.TargetCheck("peak_ingest", ">= " + (long) PEAK_SEGMENTS_PER_SECOND
                    + " segments/s over batched HTTP", peak.segmentsPerSecond(), "segments/s",
                    peak.segmentsPerSecond() >= PEAK_SEGMENTS_PER_SECOND));
        }
        return out;
    }

    public static LoadResult.Ratios ratios(LiveResult live, PeakIngest.Result peak, KafkaFloor.Result kafka,
            RedisFloor.Result redis) {
        LatencySummary.Ratio none = new LatencySummary.Ratio(0, 0);
        return new LoadResult.Ratios(
                live != null && kafka != null ? live.e2eSteady().over(kafka.produceToConsume()) : none,
                live != null && kafka != null ? live.ackSteady().over(kafka.transactionCommit()) : none,
                live != null && redis != null && live.fanoutSpreadSteady().count() > 0
                        ? live.fanoutSpreadSteady().over(redis.publishToReceive()) : none,
                peak != null && kafka != null && kafka.produceRecordsPerSecond() > 0
                        ? Math.round(peak.segmentsPerSecond() / kafka.produceRecordsPerSecond() * 1000) / 1000.0 : 0);
    }
}
