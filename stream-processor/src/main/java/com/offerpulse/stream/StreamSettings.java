package com.offerpulse.stream;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;

import com.offerpulse.stream.rounds.RoundBounds;

/**
 * Stream processor settings ({@code offerpulse.stream.*}); every default is named here.
 *
 * @param applicationId      Kafka Streams application id (consumer group, internal topic prefix); a replay uses a
 *                           fresh one
 * @param stateDir           where RocksDB state lives (the launcher puts it under the data directory); blank means
 *                           {@code <java.io.tmpdir>/offerpulse-streams}
 * @param commitInterval     exactly-once commit interval: downstream read_committed readers see results at commit,
 *                           so this bounds the added latency
 * @param inactivityTimeout  a round with no input for this long (wall clock) ends with reason "timeout"
 * @param timeoutScan        how often the wall-clock punctuator looks for inactive rounds
 * @param endedRetention     how long an ended round's state is kept to drop late duplicates, then deleted
 * @param maxHeldSegments    out-of-order segments held while waiting for a missing seq before the gap is skipped
 * @param maxHoldTime        source-time bound on waiting for a missing seq before the gap is skipped
 * @param recentRounds       rounds per user the offer-probability model looks at
 * @param threads            stream threads
 * @param standbyReplicas    warm standby copies of each state store on other instances
 * @param replicationFactor  replication of internal topics; -1 = the broker's default
 * @param sessionTimeout     how soon the group notices a crashed instance and moves its work (Kafka's default is
 *                           45 s; after a kill -9 or a crash nothing is processed for that long)
 * @param roundBounds        what one round may hold ({@code offerpulse.stream.round-bounds.*}), see {@link RoundBounds}
 */
@Validated
@ConfigurationProperties("offerpulse.stream")
public record StreamSettings(
        @DefaultValue("offerpulse-stream") String applicationId,
        @DefaultValue("") String stateDir,
        @DefaultValue("50ms") Duration commitInterval,
        @DefaultValue("10m") Duration inactivityTimeout,
        @DefaultValue("30s") Duration timeoutScan,
        @DefaultValue("1h") Duration endedRetention,
        @DefaultValue("16") @Min(1) int maxHeldSegments,
        @DefaultValue("3s") Duration maxHoldTime,
        @DefaultValue("10") @Min(1) int recentRounds,
        @DefaultValue("1") @Min(1) int threads,
        @DefaultValue("0") @Min(0) int standbyReplicas,
        @DefaultValue("-1") int replicationFactor,
        @DefaultValue("10s") Duration sessionTimeout,
        @DefaultValue @Valid RoundBounds roundBounds) {

    @ConstructorBinding
    public StreamSettings {
        roundBounds = roundBounds == null ? RoundBounds.defaults() : roundBounds;
        // @DefaultValue does not resolve placeholders: a literal "${java.io.tmpdir}" became a relative path.
        stateDir = stateDir == null || stateDir.isBlank() ? System.getProperty("java.io.tmpdir") + "/offerpulse-streams"
                : stateDir;
    }

    /** The settings before round bounds existed (tools and tests build them so): bounds at their defaults. */
    public StreamSettings(String applicationId, String stateDir, Duration commitInterval, Duration inactivityTimeout,
            Duration timeoutScan, Duration endedRetention, int maxHeldSegments, Duration maxHoldTime, int recentRounds,
            int threads, int standbyReplicas, int replicationFactor, Duration sessionTimeout) {
        this(applicationId, stateDir, commitInterval, inactivityTimeout, timeoutScan, endedRetention, maxHeldSegments,
                maxHoldTime, recentRounds, threads, standbyReplicas, replicationFactor, sessionTimeout,
                RoundBounds.defaults());
    }

    /** The same settings with other round bounds. */
    public StreamSettings withRoundBounds(RoundBounds bounds) {
        return new StreamSettings(applicationId, stateDir, commitInterval, inactivityTimeout, timeoutScan,
                endedRetention, maxHeldSegments, maxHoldTime, recentRounds, threads, standbyReplicas, replicationFactor,
                sessionTimeout, bounds);
    }

    /** Defaults for tests and tools that build the topology without Spring. */
    public static StreamSettings defaults() {
        return new StreamSettings("offerpulse-stream", System.getProperty("java.io.tmpdir") + "/offerpulse-streams",
                Duration.ofMillis(50), Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofHours(1), 16,
                Duration.ofSeconds(3), 10, 1, 0, -1, Duration.ofSeconds(10));
    }
}
