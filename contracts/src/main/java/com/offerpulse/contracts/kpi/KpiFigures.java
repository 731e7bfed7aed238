package com.offerpulse.contracts.kpi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a window is answered from the compact KPI records. One definition, next to the records: the KPI stream's
 * topology tests and the query API both use it (docs/GROWTH.md, "KPI", states each rule).
 */
public final class KpiFigures {
    /** North star: completed rounds a user needs inside the window. */
    public static final int NORTH_STAR_MIN_ROUNDS = 3;
    /** Round retention: how long after the first round another one still counts (inclusive). */
    public static final Duration RETURN_PERIOD = Duration.ofDays(7);
    /**
     * Round retention: the cohort window is the requested window moved back this far, so it ends 7 days before today
     * began and every member had the whole return period before today.
     */
    public static final Duration COHORT_LAG = RETURN_PERIOD.plus(Duration.ofDays(1));

    private KpiFigures() {
    }

    /**
     * Among users active in the window (any activity day inside it), those with at least
     * {@value #NORTH_STAR_MIN_ROUNDS} rounds completed inside it whose offer probability after the last of them is
     * above the baseline of the first ({@link RoundMark#baseline()}).
     */
    public static Ratio northStar(Collection<UserActivity> users, KpiWindow window) {
        KpiWindow.DayRange inside = window.days();
        long active = 0;
        long improved = 0;
        for (UserActivity user : users) {
            int rounds = 0;
            boolean seen = false;
            RoundMark first = null;
            RoundMark last = null;
            for (ActivityDay day : user.days()) {
                if (!inside.contains(day.day())) {
                    continue;
                }
                seen = true;
                if (day.roundsCompleted() > 0) {
                    rounds += day.roundsCompleted();
                    first = first == null ? day.firstRound() : first;
                    last = day.lastRound();
                }
            }
            if (!seen) {
                continue;
            }
            active++;
            if (rounds >= NORTH_STAR_MIN_ROUNDS && last.offerProbabilityAfter() > first.baseline()) {
                improved++;
            }
        }
        return new Ratio(improved, active);
    }

    /**
     * Landing visits and CTA clicks summed over the window's days, their ratio, the median of the time-to-wow
     * samples whose landing day is inside the window, and 7-day round retention ({@link #roundRetention7d}).
     */
    public static FunnelFigures funnel(Collection<DailyFunnel> days, Collection<UserActivity> users,
            KpiWindow window) {
        KpiWindow.DayRange inside = window.days();
        long views = 0;
        long clicks = 0;
        List<Long> samples = new ArrayList<>();
        for (DailyFunnel day : days) {
            if (!inside.contains(day.day())) {
                continue;
            }
            views += day.landingVisits();
            clicks += day.ctaClicks();
            samples.addAll(day.timeToWowMs());
        }
        samples.sort(null);
        return new FunnelFigures(views, clicks, new Ratio(clicks, views).rate(), median(samples),
                roundRetention7d(users, window));
    }

    /**
     * The cohort: users whose first completed round ended inside the window moved back {@link #COHORT_LAG} (8 days).
     * Retained: their second round ended at most {@link #RETURN_PERIOD} (7 × 24 h) after the first.
     */
    public static Ratio roundRetention7d(Collection<UserActivity> users, KpiWindow window) {
        KpiWindow cohort = window.minus(COHORT_LAG);
        long members = 0;
        long returned = 0;
        for (UserActivity user : users) {
            RoundMark first = user.firstRound();
            if (first == null || !cohort.contains(first.endedAt())) {
                continue;
            }
            members++;
            RoundMark second = user.secondRound();
            if (second != null && !second.endedAt().isAfter(first.endedAt().plus(RETURN_PERIOD))) {
                returned++;
            }
        }
        return new Ratio(returned, members);
    }

    /**
     * For each user with a round inside the window, their latest round there; the meter most often its strongest
     * positive (and negative) driver. Ties go to the alphabetically first meter.
     */
    public static DriverLeaders learning(Collection<UserActivity> users, KpiWindow window) {
        Map<String, Integer> positive = new TreeMap<>();
        Map<String, Integer> negative = new TreeMap<>();
        KpiWindow.DayRange inside = window.days();
        for (UserActivity user : users) {
            RoundMark latest = null;
            for (ActivityDay day : user.days()) {
                if (inside.contains(day.day()) && day.lastRound() != null) {
                    latest = day.lastRound();
                }
            }
            if (latest == null) {
                continue;
            }
            count(positive, latest.topPositiveDriver());
            count(negative, latest.topNegativeDriver());
        }
        return new DriverLeaders(mostCommon(positive), mostCommon(negative));
    }

    /** The middle sample, or the mean of the two middle ones rounded half up; null without samples. */
    public static Long median(List<Long> ascending) {
        int n = ascending.size();
        if (n == 0) {
            return null;
        }
        if (n % 2 == 1) {
            return ascending.get(n / 2);
        }
        long a = ascending.get(n / 2 - 1);
        long b = ascending.get(n / 2);
        return Math.floorDiv(a + b + 1, 2);
    }

    /** {@code now − before}, rounded like rates; null when either is missing. */
    public static Double change(Double now, Double before) {
        return now == null || before == null ? null : Ratio.round(now - before);
    }

    public static Long change(Long now, Long before) {
        return now == null || before == null ? null : now - before;
    }

    private static void count(Map<String, Integer> counts, String meter) {
        if (meter != null) {
            counts.merge(meter, 1, Integer::sum);
        }
    }

    private static String mostCommon(Map<String, Integer> counts) {
        String best = null;
        int bestCount = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }
}
