package com.offerpulse.stream.kpi;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;

/**
 * The KPI stream ({@code offerpulse.kpi.*}), its own Kafka Streams application beside the main topology. State
 * directory, standbys, replication and session timeout are the stream processor's ({@code offerpulse.stream.*}).
 *
 * @param enabled              run the KPI derivation in this instance
 * @param applicationId        its Kafka Streams application id (consumer group, internal topic prefix)
 * @param commitInterval       exactly-once commit interval; KPIs need not be fresher than this
 * @param activityRetention    active days (per user) and counted visit days (per identity) older than this, counted
 *                             back from the newest one, are dropped; at least {@link #MIN_ACTIVITY_RETENTION}, the
 *                             longest look-back a KPI query makes
 * @param maxWowSamplesPerDay  time-to-wow samples kept per landing day; further ones are only counted as dropped.
 *                             The default keeps a day's {@code kpi.daily.v1} record under the 64 KiB record budget
 *                             (4,000 samples of at most 12 characters each); a median needs no more
 */
@Validated
@ConfigurationProperties("offerpulse.kpi")
public record KpiSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("offerpulse-kpi") String applicationId,
        @DefaultValue("500ms") Duration commitInterval,
        @DefaultValue("150d") Duration activityRetention,
        @DefaultValue("" + MAX_WOW_SAMPLES_PER_DAY) @Min(1) int maxWowSamplesPerDay) {

    /** Default of {@link #maxWowSamplesPerDay()}. */
    public static final int MAX_WOW_SAMPLES_PER_DAY = 4_000;

    /** A 90-day window, and the north star's 8 weekly points each looking 90 days back: 49 + 90 days. */
    public static final Duration MIN_ACTIVITY_RETENTION = Duration.ofDays(140);

    public KpiSettings {
        if (activityRetention.compareTo(MIN_ACTIVITY_RETENTION) < 0) {
            throw new IllegalArgumentException("offerpulse.kpi.activity-retention must be at least "
                    + MIN_ACTIVITY_RETENTION.toDays() + " days (was " + activityRetention + ")");
        }
    }

    public long activityRetentionDays() {
        return activityRetention.toDays();
    }

    /** Defaults for tests that build the topology without Spring. */
    public static KpiSettings defaults() {
        return new KpiSettings(true, "offerpulse-kpi", Duration.ofMillis(500), Duration.ofDays(150), MAX_WOW_SAMPLES_PER_DAY);
    }
}
