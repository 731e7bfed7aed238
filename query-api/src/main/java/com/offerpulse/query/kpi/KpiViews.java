package com.offerpulse.query.kpi;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.offerpulse.contracts.kpi.DailyFunnel;
import com.offerpulse.contracts.kpi.UserActivity;
import com.offerpulse.platform.problem.ApiProblem;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The whole of {@code kpi.user-activity.v1} and {@code kpi.daily.v1} in memory: one record per user and per day,
 * small enough for every query instance to hold all of it, so any instance answers any KPI request without routing.
 * Until the reader has caught up with the topics as they were at start, answers would be partial: 503 instead.
 */
public final class KpiViews {
    private final Map<String, UserActivity> users = new ConcurrentHashMap<>();
    private final Map<String, DailyFunnel> days = new ConcurrentHashMap<>();
    private final Duration retryAfter;
    private volatile boolean ready;

    public KpiViews(Duration retryAfter, MeterRegistry meters) {
        this.retryAfter = retryAfter;
        Gauge.builder("offerpulse.kpi.view.users", users, Map::size)
                .description("Users in this instance's KPI view").register(meters);
        Gauge.builder("offerpulse.kpi.view.days", days, Map::size)
                .description("Funnel days in this instance's KPI view").register(meters);
        Gauge.builder("offerpulse.kpi.view.ready", this, v -> v.ready ? 1 : 0)
                .description("1 once the KPI topics have been read up to their end at start").register(meters);
    }

    /** What a request computes from: both maps as they are now. */
    public record Snapshot(Collection<UserActivity> users, Collection<DailyFunnel> days) {
    }

    public Snapshot snapshot() {
        if (!ready) {
            throw ApiProblem.unavailable("The KPI views are still loading; retry shortly.", retryAfter);
        }
        return new Snapshot(List.copyOf(users.values()), List.copyOf(days.values()));
    }

    /** A user's latest record; null is a tombstone. */
    void user(String userId, UserActivity activity) {
        if (activity == null) {
            users.remove(userId);
        } else {
            users.put(userId, activity);
        }
    }

    /** A day's latest record; null is a tombstone. */
    void day(String key, DailyFunnel funnel) {
        if (funnel == null) {
            days.remove(key);
        } else {
            days.put(key, funnel);
        }
    }

    void markReady() {
        ready = true;
    }

    boolean ready() {
        return ready;
    }

    /** Empties the views and marks them loading again (tests). */
    void clear() {
        ready = false;
        users.clear();
        days.clear();
    }
}
