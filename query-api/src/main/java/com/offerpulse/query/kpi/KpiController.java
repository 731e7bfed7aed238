package com.offerpulse.query.kpi;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.offerpulse.platform.problem.ApiProblem;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The growth team's KPI queries (analysts only, see {@link KpiAccessRules}). Every instance holds the whole KPI view,
 * so nothing is routed; each answer is computed on request from the compact derived records, never from raw events.
 */
@RestController
class KpiController {
    static final int MIN_DAYS = 1;
    static final int MAX_DAYS = 90;
    static final int DEFAULT_NORTH_STAR_DAYS = 30;
    static final int DEFAULT_FUNNEL_DAYS = 7;

    private final KpiViews views;
    private final KpiReports reports;

    KpiController(KpiViews views, KpiReports reports) {
        this.views = views;
        this.reports = reports;
    }

    @GetMapping("/api/kpi/north-star")
    Mono<KpiResponses.NorthStar> northStar(@RequestParam(name = "days", required = false) String days) {
        int window = days(days, DEFAULT_NORTH_STAR_DAYS);
        return compute(() -> reports.northStar(views.snapshot(), window));
    }

    @GetMapping("/api/kpi/funnel")
    Mono<KpiResponses.Funnel> funnel(@RequestParam(name = "days", required = false) String days) {
        int window = days(days, DEFAULT_FUNNEL_DAYS);
        return compute(() -> reports.funnel(views.snapshot(), window));
    }

    @GetMapping("/api/kpi/weekly-review")
    Mono<KpiResponses.WeeklyReview> weeklyReview() {
        return compute(() -> reports.weeklyReview(views.snapshot()));
    }

    /** Walking every user's days is CPU work that grows with the user base: keep it off the event loop. */
    private static <T> Mono<T> compute(java.util.concurrent.Callable<T> answer) {
        return Mono.fromCallable(answer).subscribeOn(Schedulers.boundedElastic());
    }

    /** Read as text so "abc" gets the same clear 400 as 0 or 91 (a typed parameter would fail before we could). */
    static int days(String raw, int defaultDays) {
        if (raw == null) {
            return defaultDays;
        }
        String message = "'days' must be a whole number from " + MIN_DAYS + " to " + MAX_DAYS;
        if (!raw.matches("[0-9]{1,3}")) {
            throw ApiProblem.badRequest("days", message);
        }
        int days = Integer.parseInt(raw);
        if (days < MIN_DAYS || days > MAX_DAYS) {
            throw ApiProblem.badRequest("days", message + " (was " + days + ")");
        }
        return days;
    }
}
