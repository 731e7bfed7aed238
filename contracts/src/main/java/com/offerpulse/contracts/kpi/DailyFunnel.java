package com.offerpulse.contracts.kpi;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.offerpulse.contracts.json.Require;

/**
 * The funnel of one UTC day on the compacted {@code kpi.daily.v1} (key: the ISO date): landing visits and CTA clicks
 * (each identity counted once per day), and the time-to-wow samples of identities whose first landing view fell on
 * this day, ascending. Samples beyond the per-day cap are counted in {@code wow_samples_dropped}, not kept.
 */
public record DailyFunnel(LocalDate day, @JsonProperty(required = true) long landingVisits,
        @JsonProperty(required = true) long ctaClicks, List<Long> timeToWowMs,
        @JsonProperty(required = true) long wowSamplesDropped) {

    public DailyFunnel {
        Require.present(day, "day");
        Require.notNegative(landingVisits, "landing_visits");
        Require.notNegative(ctaClicks, "cta_clicks");
        timeToWowMs = List.copyOf(Require.present(timeToWowMs, "time_to_wow_ms")).stream().sorted().toList();
        Require.notNegative(wowSamplesDropped, "wow_samples_dropped");
    }

    public static DailyFunnel empty(LocalDate day) {
        return new DailyFunnel(day, 0, 0, List.of(), 0);
    }

    /** The key on {@code kpi.daily.v1}. */
    public static String keyOf(LocalDate day) {
        return day.toString();
    }
}
