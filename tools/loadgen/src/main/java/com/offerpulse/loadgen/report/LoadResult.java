package com.offerpulse.loadgen.report;

import java.time.Instant;
import java.util.List;

import com.offerpulse.loadgen.floors.KafkaFloor;
import com.offerpulse.loadgen.floors.RedisFloor;
import com.offerpulse.loadgen.live.LiveResult;
import com.offerpulse.loadgen.measure.LatencySummary;
import com.offerpulse.loadgen.peak.PeakIngest;
import com.offerpulse.loadgen.server.ServerSample;

/**
 * The whole result of one run, written as {@code result.json} (snake_case, like every OfferPulse JSON). Phases not
 * run are null.
 */
public record LoadResult(String label, Instant startedAt, Machine machine, String command, KafkaFloor.Result kafkaFloor,
        RedisFloor.Result redisFloor, LiveResult live, PeakIngest.Result peak, ServerSample serverBefore,
        ServerSample serverAfter, String systemMetricsAfter, Ratios ratios, List<TargetCheck> targets) {

    /** The machine and how busy it was (other work on the same cores disturbs every figure). */
    public record Machine(int cores, String java, double loadAverageBefore, double loadAverageAfter,
            long clientHeapMbAfter, double clientResidentMbAfter) {
    }

    /** The platform's figures as multiples of the floors (how many times slower than what the machine allows). */
    public record Ratios(LatencySummary.Ratio e2eOverKafka, LatencySummary.Ratio ackOverKafkaTransaction,
            LatencySummary.Ratio fanoutSpreadOverRedis, double peakIngestOverKafkaProduce) {
    }

    /** One goal of issue 8 and whether this run met it. */
    public record TargetCheck(String name, String goal, double measured, String unit, boolean met) {
    }
}
