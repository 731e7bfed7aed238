package com.offerpulse.contracts.kpi;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.offerpulse.contracts.json.Require;

/**
 * A KPI window of whole UTC days, {@code [start, end)}: start inclusive, end exclusive. The trailing window of
 * {@code n} days at {@code now} ends at the start of the UTC day after {@code now}'s, so today counts as far as it
 * has happened, and starts {@code n} days earlier.
 */
public record KpiWindow(Instant start, Instant end) {

    public KpiWindow {
        Require.present(start, "start");
        Require.present(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("window start " + start + " must be before its end " + end);
        }
    }

    public static KpiWindow trailingDays(Instant now, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1 (was " + days + ")");
        }
        Instant end = dayOf(now).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new KpiWindow(end.minus(Duration.ofDays(days)), end);
    }

    /** The UTC day an instant falls on; every KPI bucket is a UTC day. */
    public static LocalDate dayOf(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC);
    }

    public boolean contains(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }

    /** A whole UTC day lies inside exactly when its start does (windows are made of whole days). */
    public boolean containsDay(LocalDate day) {
        return days().contains(day);
    }

    /** The UTC days whose 00:00 lies inside, as a cheap date comparison for walking many day buckets. */
    public DayRange days() {
        return new DayRange(firstMidnightFrom(start), firstMidnightFrom(end));
    }

    /** Days {@code [first, end)}. */
    public record DayRange(LocalDate first, LocalDate end) {
        public boolean contains(LocalDate day) {
            return !day.isBefore(first) && day.isBefore(end);
        }
    }

    private static LocalDate firstMidnightFrom(Instant t) {
        LocalDate day = dayOf(t);
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().equals(t) ? day : day.plusDays(1);
    }

    /** The same window moved back in time. */
    public KpiWindow minus(Duration shift) {
        return new KpiWindow(start.minus(shift), end.minus(shift));
    }

    public Duration length() {
        return Duration.between(start, end);
    }
}
