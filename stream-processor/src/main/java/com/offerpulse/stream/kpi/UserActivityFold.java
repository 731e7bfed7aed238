package com.offerpulse.stream.kpi;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import com.offerpulse.contracts.analytics.SessionSummary;
import com.offerpulse.contracts.growth.ProductEvent;
import com.offerpulse.contracts.growth.ProductEventName;
import com.offerpulse.contracts.kpi.ActivityDay;
import com.offerpulse.contracts.kpi.KpiFigures;
import com.offerpulse.contracts.kpi.KpiWindow;
import com.offerpulse.contracts.kpi.RoundMark;
import com.offerpulse.contracts.kpi.UserActivity;

/**
 * Folds a user's round summaries and product events into their {@link UserActivity}. The result depends only on
 * the set of inputs, never on their order (a replay may interleave summaries and events differently): rounds are
 * identified by session id, the first two are the earliest by end time, and days older than the retention before
 * the newest day are dropped whichever arrived first.
 *
 * <p>Bounded: at most {@link #ROUNDS_PER_DAY} session ids per day (the smallest ids, so still independent of arrival
 * order), enough for the north star's "at least {@value KpiFigures#NORTH_STAR_MIN_ROUNDS} rounds" and round
 * retention; a day's first and last round still see every round. With the days bounded by the retention, one user's
 * record cannot grow with how many rounds they play.
 */
final class UserActivityFold {
    /** Session ids kept per active day ({@link KpiFigures#NORTH_STAR_MIN_ROUNDS}: the most any KPI needs). */
    static final int ROUNDS_PER_DAY = KpiFigures.NORTH_STAR_MIN_ROUNDS;

    private final long retentionDays;

    UserActivityFold(long retentionDays) {
        this.retentionDays = retentionDays;
    }

    UserActivity withRound(UserActivity current, SessionSummary summary) {
        RoundMark round = RoundMark.of(summary);
        List<RoundMark> earliest = earliestTwo(current, round);
        TreeMap<LocalDate, ActivityDay> days = byDay(current);
        LocalDate day = KpiWindow.dayOf(round.endedAt());
        ActivityDay known = days.getOrDefault(day, ActivityDay.activeOnly(day));
        if (!known.counted(round.sessionId())) {
            days.put(day, capped(known.withRound(round)));
        }
        prune(days);
        return new UserActivity(current.userId(), earliest.isEmpty() ? null : earliest.get(0),
                earliest.size() < 2 ? null : earliest.get(1), List.copyOf(days.values()));
    }

    /**
     * Any product event the user witnessed makes its UTC day an active day, except {@code share_viewed}: someone
     * else opening their link says nothing about the user's own activity.
     */
    UserActivity withEvent(UserActivity current, ProductEvent event) {
        if (event.name() == ProductEventName.SHARE_VIEWED) {
            return current;
        }
        TreeMap<LocalDate, ActivityDay> days = byDay(current);
        LocalDate day = KpiWindow.dayOf(event.occurredAt());
        if (days.containsKey(day)) {
            return current;
        }
        days.put(day, ActivityDay.activeOnly(day));
        prune(days);
        return new UserActivity(current.userId(), current.firstRound(), current.secondRound(),
                List.copyOf(days.values()));
    }

    /** The day with at most {@link #ROUNDS_PER_DAY} ids, the largest (ids are kept sorted) leaving first. */
    private static ActivityDay capped(ActivityDay day) {
        if (day.sessionIds().size() <= ROUNDS_PER_DAY) {
            return day;
        }
        List<String> ids = new ArrayList<>(day.sessionIds());
        ids.remove(ids.size() - 1);
        return new ActivityDay(day.day(), ids, day.firstRound(), day.lastRound());
    }

    private static List<RoundMark> earliestTwo(UserActivity current, RoundMark round) {
        List<RoundMark> all = new ArrayList<>(3);
        for (RoundMark r : new RoundMark[] {current.firstRound(), current.secondRound(), round}) {
            if (r != null && all.stream().noneMatch(a -> a.sessionId().equals(r.sessionId()))) {
                all.add(r);
            }
        }
        all.sort(RoundMark.ENDED_ORDER);
        return all.subList(0, Math.min(2, all.size()));
    }

    private static TreeMap<LocalDate, ActivityDay> byDay(UserActivity current) {
        TreeMap<LocalDate, ActivityDay> days = new TreeMap<>();
        current.days().forEach(d -> days.put(d.day(), d));
        return days;
    }

    private void prune(TreeMap<LocalDate, ActivityDay> days) {
        if (!days.isEmpty()) {
            days.headMap(days.lastKey().minusDays(retentionDays)).clear();
        }
    }
}
