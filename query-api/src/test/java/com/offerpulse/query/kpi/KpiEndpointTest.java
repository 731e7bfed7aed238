package com.offerpulse.query.kpi;

import static com.offerpulse.testsupport.web.Problems.expectProblem;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.offerpulse.contracts.auth.HmacSecret;
import com.offerpulse.contracts.auth.Role;
import com.offerpulse.contracts.auth.TokenIssuer;
import com.offerpulse.contracts.kpi.ActivityDay;
import com.offerpulse.contracts.kpi.DailyFunnel;
import com.offerpulse.contracts.kpi.RoundMark;
import com.offerpulse.contracts.kpi.UserActivity;
import com.offerpulse.query.support.QueryWebTestBase;
import com.offerpulse.testsupport.auth.TestTokens;

/**
 * The KPI endpoints over HTTP with the views filled by hand and the clock pinned at Thursday 2026-11-26 12:00 UTC
 * (30-day window [10-28, 11-27), 7-day [11-20, 11-27)): who may call them, the {@code days} parameter, the wire shape.
 */
@TestPropertySource(properties = "offerpulse.query.kpi.reader-enabled=false")
class KpiEndpointTest extends QueryWebTestBase {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final TokenIssuer ISSUER = new TokenIssuer(HmacSecret.parse(TestTokens.SECRET));

    @TestBean(name = "clock", methodName = "com.offerpulse.query.kpi.KpiEndpointTest#pinnedClock")
    Clock clock;

    @Autowired
    KpiViews kpiViews;

    /** The shared machine may be busy: a slow first answer must not fail the test. */
    private WebTestClient client;

    static Clock pinnedClock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @BeforeEach
    void emptyViews() {
        client = web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        kpiViews.clear();
        kpiViews.markReady();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/kpi/north-star", "/api/kpi/funnel", "/api/kpi/weekly-review"})
    void shouldAnswer401WithoutAToken(String path) {
        expectProblem(client.get().uri(path).exchange(), 401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/kpi/north-star?days=30", "/api/kpi/funnel", "/api/kpi/weekly-review"})
    void shouldAnswer403ProblemToACandidateWithoutTheAnalystRole(String path) {
        expectProblem(client.get().uri(path).headers(h -> h.setBearerAuth(TestTokens.forUser(ALICE))).exchange(),
                403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "91", "abc", "-1", "", "7.5"})
    void shouldRejectDaysOutsideOneToNinetyWithA400ProblemNamingTheField(String days) {
        for (String path : List.of("/api/kpi/north-star?days=", "/api/kpi/funnel?days=")) {
            expectProblem(analyst(path + days), 400).jsonPath("$.field").isEqualTo("days");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 90})
    void shouldAcceptDaysAtBothEndsOfTheRange(int days) {
        analyst("/api/kpi/north-star?days=" + days).expectStatus().isOk().expectBody().jsonPath("$.days")
                .isEqualTo(days);
        analyst("/api/kpi/funnel?days=" + days).expectStatus().isOk().expectBody().jsonPath("$.days")
                .isEqualTo(days);
    }

    @Test
    void shouldAnswer503WithRetryAfterWhileTheViewsAreStillLoading() {
        kpiViews.clear();
        expectProblem(analyst("/api/kpi/funnel"), 503).jsonPath("$.retry_after_seconds").isEqualTo(2);
    }

    @Test
    void shouldServeTheNorthStarRateWithItsPartsWindowAndEightWeeklyPoints() {
        improved("u1", "2026-11-01T10:00:00Z", "2026-11-10T10:00:00Z", "2026-11-20T10:00:00Z");
        improved("u2", "2026-10-28T00:00:00Z", "2026-10-29T10:00:00Z", "2026-10-30T10:00:00Z");
        improved("u3", "2026-10-27T23:59:59.999Z", "2026-10-29T10:00:00Z", "2026-10-30T10:00:00Z");
        kpiViews.user("u4", new UserActivity("u4", null, null, List.of(ActivityDay.activeOnly(LocalDate.parse(
                "2026-11-26")))));
        kpiViews.user("u5", new UserActivity("u5", null, null, List.of(ActivityDay.activeOnly(LocalDate.parse(
                "2026-11-02")))));

        analyst("/api/kpi/north-star?days=30").expectStatus().isOk().expectBody()
                .jsonPath("$.rate").isEqualTo(0.4)
                .jsonPath("$.numerator").isEqualTo(2)
                .jsonPath("$.denominator").isEqualTo(5)
                .jsonPath("$.window_start").isEqualTo("2026-10-28T00:00:00Z")
                .jsonPath("$.window_end").isEqualTo("2026-11-27T00:00:00Z")
                .jsonPath("$.days").isEqualTo(30)
                .jsonPath("$.weekly.length()").isEqualTo(8)
                .jsonPath("$.weekly[7].week_end").isEqualTo("2026-11-27T00:00:00Z")
                .jsonPath("$.weekly[7].week_start").isEqualTo("2026-11-20T00:00:00Z")
                .jsonPath("$.weekly[7].rate").isEqualTo(0.4)
                .jsonPath("$.weekly[6].week_end").isEqualTo("2026-11-20T00:00:00Z")
                // [10-21, 11-20): u1's third round (11-20) falls after it; u3's first round now inside
                .jsonPath("$.weekly[6].numerator").isEqualTo(2)
                .jsonPath("$.weekly[6].denominator").isEqualTo(4)
                .jsonPath("$.weekly[0].week_end").isEqualTo("2026-10-09T00:00:00Z")
                .jsonPath("$.weekly[0].rate").isEmpty()
                .jsonPath("$.weekly[0].denominator").isEqualTo(0);
    }

    @Test
    void shouldServeTheFunnelWithRetentionUnderItsContractName() {
        kpiViews.day("2026-11-25", new DailyFunnel(LocalDate.parse("2026-11-25"), 4, 1, List.of(1_000L, 3_000L), 0));
        kpiViews.day("2026-11-19", new DailyFunnel(LocalDate.parse("2026-11-19"), 2, 2, List.of(9_000L), 0));
        kpiViews.user("r1", returning("r1", "2026-11-15T10:00:00Z", "2026-11-16T10:00:00Z"));
        kpiViews.user("r2", returning("r2", "2026-11-16T10:00:00Z", null));

        analyst("/api/kpi/funnel?days=7").expectStatus().isOk().expectBody()
                .jsonPath("$.window_start").isEqualTo("2026-11-20T00:00:00Z")
                .jsonPath("$.window_end").isEqualTo("2026-11-27T00:00:00Z")
                .jsonPath("$.days").isEqualTo(7)
                .jsonPath("$.landing_views").isEqualTo(4)
                .jsonPath("$.cta_clicks").isEqualTo(1)
                .jsonPath("$.landing_cvr").isEqualTo(0.25)
                .jsonPath("$.median_time_to_wow_ms").isEqualTo(2_000)
                .jsonPath("$.round_retention_7d.rate").isEqualTo(0.5)
                .jsonPath("$.round_retention_7d.numerator").isEqualTo(1)
                .jsonPath("$.round_retention_7d.denominator").isEqualTo(2);
    }

    @Test
    void shouldAnswerNullRatesRatherThanDividingByZero() {
        analyst("/api/kpi/funnel").expectStatus().isOk().expectBody()
                .jsonPath("$.landing_cvr").isEmpty()
                .jsonPath("$.median_time_to_wow_ms").isEmpty()
                .jsonPath("$.round_retention_7d.rate").isEmpty()
                .jsonPath("$.round_retention_7d.denominator").isEqualTo(0);
        analyst("/api/kpi/north-star").expectStatus().isOk().expectBody()
                .jsonPath("$.rate").isEmpty()
                .jsonPath("$.days").isEqualTo(30);
    }

    @Test
    void shouldFillTheWeeklyReviewWithThisWeekAgainstTheLastAndBlankFreeTextSlots() {
        kpiViews.day("2026-11-25", new DailyFunnel(LocalDate.parse("2026-11-25"), 4, 1, List.of(1_000L, 3_000L), 0));
        kpiViews.day("2026-11-18", new DailyFunnel(LocalDate.parse("2026-11-18"), 2, 1, List.of(5_000L), 0));
        // cohort this week: first rounds in [11-12, 11-19); last week: [11-05, 11-12)
        kpiViews.user("r1", returning("r1", "2026-11-15T10:00:00Z", "2026-11-21T10:00:00Z"));
        kpiViews.user("r2", returning("r2", "2026-11-06T10:00:00Z", null));

        analyst("/api/kpi/weekly-review").expectStatus().isOk().expectBody()
                .jsonPath("$.week_start").isEqualTo("2026-11-20T00:00:00Z")
                .jsonPath("$.week_end").isEqualTo("2026-11-27T00:00:00Z")
                .jsonPath("$.conversion_impact.landing_cvr.value").isEqualTo(0.25)
                .jsonPath("$.conversion_impact.landing_cvr.previous").isEqualTo(0.5)
                .jsonPath("$.conversion_impact.landing_cvr.change").isEqualTo(-0.25)
                .jsonPath("$.conversion_impact.median_time_to_wow_ms.value").isEqualTo(2_000)
                .jsonPath("$.conversion_impact.median_time_to_wow_ms.previous").isEqualTo(5_000)
                .jsonPath("$.conversion_impact.median_time_to_wow_ms.change").isEqualTo(-3_000)
                .jsonPath("$.conversion_impact.round_retention_7d.value").isEqualTo(1.0)
                .jsonPath("$.conversion_impact.round_retention_7d.previous").isEqualTo(0.0)
                .jsonPath("$.conversion_impact.round_retention_7d.change").isEqualTo(1.0)
                .jsonPath("$.learning.top_positive_driver").isEqualTo("impact_strength")
                .jsonPath("$.learning.top_negative_driver").isEqualTo("risk_drift")
                .jsonPath("$.what_shipped").isEqualTo("")
                .jsonPath("$.next_week_highest_leverage_change").isEqualTo("");
    }

    private WebTestClient.ResponseSpec analyst(String path) {
        String token = ISSUER.issue("u_analyst", "analyst", Set.of(Role.CANDIDATE, Role.ANALYST), Duration.ofHours(1),
                Instant.now()).token();
        return client.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange();
    }

    /** Three rounds, each raising the offer probability a little. */
    private void improved(String userId, String... endedAt) {
        List<ActivityDay> days = new ArrayList<>();
        double p = 0.30;
        for (int i = 0; i < endedAt.length; i++) {
            RoundMark r = new RoundMark(userId + "-" + i, Instant.parse(endedAt[i]), p, p + 0.02, "credibility",
                    "risk_drift");
            p += 0.02;
            days.add(ActivityDay.activeOnly(r.endedAt().atZone(ZoneOffset.UTC).toLocalDate()).withRound(r));
        }
        kpiViews.user(userId, new UserActivity(userId, null, null, days));
    }

    private static UserActivity returning(String userId, String first, String second) {
        RoundMark a = new RoundMark(userId + "-a", Instant.parse(first), null, 0.3, "impact_strength", "risk_drift");
        RoundMark b = second == null ? null
                : new RoundMark(userId + "-b", Instant.parse(second), 0.3, 0.35, "impact_strength", "risk_drift");
        List<ActivityDay> days = new ArrayList<>();
        days.add(ActivityDay.activeOnly(a.endedAt().atZone(ZoneOffset.UTC).toLocalDate()).withRound(a));
        if (b != null) {
            days.add(ActivityDay.activeOnly(b.endedAt().atZone(ZoneOffset.UTC).toLocalDate()).withRound(b));
        }
        return new UserActivity(userId, a, b, days);
    }
}
