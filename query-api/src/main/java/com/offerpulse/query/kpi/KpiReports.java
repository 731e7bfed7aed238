package com.offerpulse.query.kpi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import com.offerpulse.contracts.kpi.DriverLeaders;
import com.offerpulse.contracts.kpi.FunnelFigures;
import com.offerpulse.contracts.kpi.KpiFigures;
import com.offerpulse.contracts.kpi.KpiWindow;
import com.offerpulse.contracts.kpi.Ratio;

/**
 * Answers the three KPI queries from a snapshot of the views, for the windows ending with today (UTC) at the
 * injected clock's now. The figures themselves are {@link KpiFigures}' (docs/GROWTH.md, "KPI").
 */
@Component
class KpiReports {
    /** The north-star chart: this many weekly points, oldest first. */
    static final int WEEKLY_POINTS = 8;
    static final Duration WEEK = Duration.ofDays(7);
    static final int REVIEW_DAYS = 7;

    private final Clock clock;

    KpiReports(Clock clock) {
        this.clock = clock;
    }

    KpiResponses.NorthStar northStar(KpiViews.Snapshot views, int days) {
        KpiWindow window = KpiWindow.trailingDays(clock.instant(), days);
        Ratio now = KpiFigures.northStar(views.users(), window);
        List<KpiResponses.WeeklyPoint> weekly = new ArrayList<>(WEEKLY_POINTS);
        for (int weeksBack = WEEKLY_POINTS - 1; weeksBack >= 0; weeksBack--) {
            KpiWindow trailing = window.minus(WEEK.multipliedBy(weeksBack));
            Ratio r = KpiFigures.northStar(views.users(), trailing);
            weekly.add(new KpiResponses.WeeklyPoint(trailing.end().minus(WEEK), trailing.end(), r.rate(),
                    r.numerator(), r.denominator()));
        }
        return new KpiResponses.NorthStar(now.rate(), now.numerator(), now.denominator(), window.start(),
                window.end(), days, weekly);
    }

    KpiResponses.Funnel funnel(KpiViews.Snapshot views, int days) {
        KpiWindow window = KpiWindow.trailingDays(clock.instant(), days);
        FunnelFigures f = KpiFigures.funnel(views.days(), views.users(), window);
        return new KpiResponses.Funnel(window.start(), window.end(), days, f.landingViews(), f.ctaClicks(),
                f.landingCvr(), f.medianTimeToWowMs(), KpiResponses.Share.of(f.roundRetention7d()));
    }

    /** The last 7 days against the 7 before; learning from the last 7 days; the two free-text slots left blank. */
    KpiResponses.WeeklyReview weeklyReview(KpiViews.Snapshot views) {
        Instant now = clock.instant();
        KpiWindow week = KpiWindow.trailingDays(now, REVIEW_DAYS);
        KpiWindow previous = week.minus(WEEK);
        FunnelFigures current = KpiFigures.funnel(views.days(), views.users(), week);
        FunnelFigures before = KpiFigures.funnel(views.days(), views.users(), previous);
        DriverLeaders leaders = KpiFigures.learning(views.users(), week);
        Double retentionNow = current.roundRetention7d().rate();
        Double retentionBefore = before.roundRetention7d().rate();
        return new KpiResponses.WeeklyReview(week.start(), week.end(),
                new KpiResponses.ConversionImpact(
                        new KpiResponses.RateChange(current.landingCvr(), before.landingCvr(),
                                KpiFigures.change(current.landingCvr(), before.landingCvr())),
                        new KpiResponses.MillisChange(current.medianTimeToWowMs(), before.medianTimeToWowMs(),
                                KpiFigures.change(current.medianTimeToWowMs(), before.medianTimeToWowMs())),
                        new KpiResponses.RateChange(retentionNow, retentionBefore,
                                KpiFigures.change(retentionNow, retentionBefore))),
                new KpiResponses.Learning(leaders.topPositiveDriver(), leaders.topNegativeDriver()), "", "");
    }
}
