package com.offerpulse.stream.kpi;

import static com.offerpulse.contracts.growth.ProductEventName.CTA_CLICK;
import static com.offerpulse.contracts.growth.ProductEventName.FIRST_METER_SEEN;
import static com.offerpulse.contracts.growth.ProductEventName.LANDING_VIEW;
import static com.offerpulse.contracts.growth.ProductEventName.SESSION_STARTED;
import static com.offerpulse.contracts.growth.ProductEventName.SHARE_VIEWED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.contracts.kpi.DriverLeaders;
import com.offerpulse.contracts.kpi.FunnelFigures;
import com.offerpulse.contracts.kpi.KpiFigures;
import com.offerpulse.contracts.kpi.KpiWindow;
import com.offerpulse.contracts.kpi.Ratio;
import com.offerpulse.contracts.kpi.UserActivity;

/**
 * The KPI derivation on hand-made event streams with known answers: events and summaries go through the real
 * topology (TopologyTestDriver), and the windows are answered from its compacted output the way the query API does.
 * "Now" is Thursday 2026-11-26 12:00 UTC: the 30-day window is [2026-10-28, 2026-11-27), the 7-day one
 * [2026-11-20, 2026-11-27).
 */
class KpiTopologyTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final KpiWindow DAYS_30 = KpiWindow.trailingDays(NOW, 30);
    private static final KpiWindow DAYS_7 = KpiWindow.trailingDays(NOW, 7);

    @Test
    void shouldPlaceTheWindowOnWholeUtcDaysEndingAfterToday() {
        assertThat(DAYS_30.start()).isEqualTo(Instant.parse("2026-10-28T00:00:00Z"));
        assertThat(DAYS_30.end()).isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
        assertThat(DAYS_7.start()).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
    }

    @Test
    void shouldCountFourOfTenActiveUsersForTheNorthStarWhenFourImprovedOverThreeRounds() {
        try (KpiFixture kpi = new KpiFixture()) {
            // u1: first rounds ever (no "before"), rising → counts; the baseline is its first round's own result.
            kpi.round("u1", "u1-a", "2026-11-20T10:00:00Z", null, 0.30)
                    .round("u1", "u1-b", "2026-11-22T10:00:00Z", 0.30, 0.35)
                    .round("u1", "u1-c", "2026-11-24T10:00:00Z", 0.35, 0.45);
            rising(kpi, "u2", "2026-11-01T09:00:00Z", "2026-11-10T09:00:00Z", "2026-11-25T09:00:00Z");
            // u3: its last round a millisecond before the window's (exclusive) end.
            rising(kpi, "u3", "2026-11-24T09:00:00Z", "2026-11-25T09:00:00Z", "2026-11-26T23:59:59.999Z");
            // u4: active through a product event only (signed in, anonymous id too).
            kpi.event(FIRST_METER_SEEN, "anon-u4", "u4", "2026-11-21T08:00:00Z");
            // u5: three rounds, offer probability fell.
            kpi.round("u5", "u5-a", "2026-11-02T10:00:00Z", 0.50, 0.47)
                    .round("u5", "u5-b", "2026-11-03T10:00:00Z", 0.47, 0.44)
                    .round("u5", "u5-c", "2026-11-04T10:00:00Z", 0.44, 0.42);
            // u6: only two rounds.
            kpi.round("u6", "u6-a", "2026-11-05T10:00:00Z", 0.30, 0.40)
                    .round("u6", "u6-b", "2026-11-06T10:00:00Z", 0.40, 0.50);
            // u7: its first round a millisecond before the window's (inclusive) start: two rounds inside.
            rising(kpi, "u7", "2026-10-27T23:59:59.999Z", "2026-11-01T10:00:00Z", "2026-11-02T10:00:00Z");
            // u8: its first round exactly at the window's start: three inside.
            rising(kpi, "u8", "2026-10-28T00:00:00Z", "2026-11-01T10:00:00Z", "2026-11-02T10:00:00Z");
            // u9: three rounds, no change.
            kpi.round("u9", "u9-a", "2026-11-10T10:00:00Z", 0.40, 0.42)
                    .round("u9", "u9-b", "2026-11-11T10:00:00Z", 0.42, 0.38)
                    .round("u9", "u9-c", "2026-11-12T10:00:00Z", 0.38, 0.40);
            // u10: started a round, never finished one.
            kpi.event(SESSION_STARTED, null, "u10", "2026-11-15T10:00:00Z");
            // u11: improved before the window; inside it only someone viewing their share link (not their activity).
            rising(kpi, "u11", "2026-10-01T10:00:00Z", "2026-10-02T10:00:00Z", "2026-10-03T10:00:00Z");
            kpi.event(SHARE_VIEWED, "viewer-1", "u11", "2026-11-20T10:00:00Z");
            // u12: improved, but at and after the window's end.
            rising(kpi, "u12", "2026-11-27T00:00:00Z", "2026-11-27T01:00:00Z", "2026-11-27T02:00:00Z");

            Ratio northStar = KpiFigures.northStar(kpi.users().values(), DAYS_30);

            assertThat(northStar).isEqualTo(new Ratio(4, 10));
            assertThat(northStar.rate()).isEqualTo(0.4);
            // Seven weeks earlier the trailing 30 days held only u11, who had improved.
            assertThat(KpiFigures.northStar(kpi.users().values(), DAYS_30.minus(Duration.ofDays(49))))
                    .isEqualTo(new Ratio(1, 1));
        }
    }

    @Test
    void shouldCountARedeliveredSummaryOnce() {
        try (KpiFixture kpi = new KpiFixture()) {
            rising(kpi, "u1", "2026-11-20T10:00:00Z", "2026-11-21T10:00:00Z", "2026-11-22T10:00:00Z");
            kpi.round("u2", "u2-a", "2026-11-20T10:00:00Z", 0.30, 0.35)
                    .round("u2", "u2-b", "2026-11-21T10:00:00Z", 0.35, 0.40)
                    .round("u2", "u2-b", "2026-11-21T10:00:00Z", 0.35, 0.40);

            assertThat(KpiFigures.northStar(kpi.users().values(), DAYS_30)).isEqualTo(new Ratio(1, 2));
            assertThat(kpi.users().get("u2").days()).hasSize(2);
        }
    }

    @Test
    void shouldCountLandingVisitsAndClicksOncePerIdentityAndDayAndJoinSignedInEventsOnTheAnonymousId() {
        try (KpiFixture kpi = new KpiFixture()) {
            kpi.event(LANDING_VIEW, "a1", null, "2026-11-25T10:00:00Z")
                    .event(LANDING_VIEW, "a1", null, "2026-11-25T11:00:00Z")
                    .event(CTA_CLICK, "a1", null, "2026-11-25T10:01:00Z")
                    .event(CTA_CLICK, "a1", null, "2026-11-25T10:02:00Z")
                    // signed in by now: keyed by the user id, joined on the anonymous id
                    .event(FIRST_METER_SEEN, "a1", "uA", "2026-11-25T10:00:10Z")
                    .event(LANDING_VIEW, "a2", null, "2026-11-24T09:00:00Z")
                    .event(LANDING_VIEW, "a2", null, "2026-11-25T09:00:00Z")
                    .event(LANDING_VIEW, "a3", null, "2026-11-19T23:59:59.999Z")
                    .event(CTA_CLICK, "a3", null, "2026-11-19T23:59:59.999Z")
                    .event(LANDING_VIEW, "a4", null, "2026-11-20T00:00:00Z")
                    .event(CTA_CLICK, "a4", null, "2026-11-20T00:00:30Z");

            FunnelFigures funnel = KpiFigures.funnel(kpi.days().values(), kpi.users().values(), DAYS_7);

            assertThat(funnel.landingViews()).as("a1 once, a2 on two days, a4 at the start; a3 the day before")
                    .isEqualTo(4);
            assertThat(funnel.ctaClicks()).isEqualTo(2);
            assertThat(funnel.landingCvr()).isEqualTo(0.5);
            assertThat(funnel.medianTimeToWowMs()).isEqualTo(10_000L);
        }
    }

    @Test
    void shouldTakeTheMedianTimeToWowOfAnOddAndAnEvenNumberOfSamplesByLandingDay() {
        try (KpiFixture kpi = new KpiFixture()) {
            wow(kpi, "a1", "2026-11-25T10:00:00Z", 10);
            wow(kpi, "a2", "2026-11-24T09:00:00Z", 20);
            // meter seen arrives before the landing view: still one sample
            kpi.event(FIRST_METER_SEEN, "a3", "u3", "2026-11-23T08:00:40Z")
                    .event(LANDING_VIEW, "a3", null, "2026-11-23T08:00:00Z");
            wow(kpi, "a4", "2026-11-20T00:00:00Z", 50); // landing at the 7-day window's start
            wow(kpi, "a5", "2026-11-19T23:59:59.999Z", 5); // landing just before it
            // the meter came before any landing view: no sample, but the visit counts
            kpi.event(FIRST_METER_SEEN, "a6", "u6", "2026-11-22T10:00:00Z")
                    .event(LANDING_VIEW, "a6", null, "2026-11-22T11:00:00Z");

            FunnelFigures sevenDays = KpiFigures.funnel(kpi.days().values(), kpi.users().values(), DAYS_7);
            FunnelFigures sixDays = KpiFigures.funnel(kpi.days().values(), kpi.users().values(),
                    KpiWindow.trailingDays(NOW, 6));

            assertThat(sevenDays.medianTimeToWowMs()).as("10, 20, 40, 50 s").isEqualTo(30_000L);
            assertThat(sixDays.medianTimeToWowMs()).as("10, 20, 40 s").isEqualTo(20_000L);
            assertThat(sevenDays.landingViews()).isEqualTo(5);
            assertThat(KpiFigures.funnel(kpi.days().values(), kpi.users().values(),
                    KpiWindow.trailingDays(Instant.parse("2026-11-10T00:00:00Z"), 7)).medianTimeToWowMs()).isNull();
        }
    }

    @Test
    void shouldMoveATimeToWowSampleWhenAnEarlierLandingViewArrivesLate() {
        try (KpiFixture kpi = new KpiFixture()) {
            kpi.event(LANDING_VIEW, "a1", null, "2026-11-25T12:00:00Z")
                    .event(FIRST_METER_SEEN, "a1", "u1", "2026-11-25T12:01:00Z");
            assertThat(kpi.days().get("2026-11-25").timeToWowMs()).containsExactly(60_000L);

            kpi.event(LANDING_VIEW, "a1", null, "2026-11-24T12:00:00Z");

            assertThat(kpi.days().get("2026-11-25").timeToWowMs()).isEmpty();
            assertThat(kpi.days().get("2026-11-24").timeToWowMs())
                    .containsExactly(Duration.ofDays(1).plusMinutes(1).toMillis());
            assertThat(kpi.days().get("2026-11-25").landingVisits()).isEqualTo(1);
            assertThat(kpi.days().get("2026-11-24").landingVisits()).isEqualTo(1);
        }
    }

    @Test
    void shouldRetainUsersWhoseSecondRoundCameWithinSevenDaysOfTheirFirstInTheCohortWindow() {
        try (KpiFixture kpi = new KpiFixture()) {
            // 7-day window [11-20, 11-27) → cohort of first rounds in [11-12, 11-19)
            kpi.round("r1", "r1-a", "2026-11-15T10:00:00Z", null, 0.3)
                    .round("r1", "r1-b", "2026-11-20T10:00:00Z", 0.3, 0.4);
            kpi.round("r2", "r2-a", "2026-11-14T10:00:00Z", null, 0.3)
                    .round("r2", "r2-b", "2026-11-21T10:00:00.001Z", 0.3, 0.4); // 7 days + 1 ms
            kpi.round("r3", "r3-a", "2026-11-13T10:00:00Z", null, 0.3)
                    .round("r3", "r3-b", "2026-11-20T10:00:00Z", 0.3, 0.4); // exactly 7 days
            kpi.round("r4", "r4-a", "2026-11-19T00:00:00Z", null, 0.3)
                    .round("r4", "r4-b", "2026-11-19T10:00:00Z", 0.3, 0.4); // cohort end is exclusive
            kpi.round("r5", "r5-a", "2026-11-12T00:00:00Z", null, 0.3); // cohort start is inclusive; never returned
            kpi.round("r6", "r6-a", "2026-11-11T23:59:59.999Z", null, 0.3)
                    .round("r6", "r6-b", "2026-11-12T10:00:00Z", 0.3, 0.4); // first round before the cohort
            // r7: the second round arrives first, the first one twice
            kpi.round("r7", "r7-b", "2026-11-17T10:00:00Z", 0.3, 0.4)
                    .round("r7", "r7-a", "2026-11-16T10:00:00Z", null, 0.3)
                    .round("r7", "r7-a", "2026-11-16T10:00:00Z", null, 0.3);

            Ratio retention = KpiFigures.funnel(kpi.days().values(), kpi.users().values(), DAYS_7).roundRetention7d();

            assertThat(retention).isEqualTo(new Ratio(3, 5));
            assertThat(retention.rate()).isEqualTo(0.6);
            assertThat(kpi.users().get("r7").firstRound().sessionId()).isEqualTo("r7-a");
            assertThat(kpi.users().get("r7").secondRound().sessionId()).isEqualTo("r7-b");
        }
    }

    @Test
    void shouldNameTheMostCommonStrongestDriversOfEachUsersLatestRoundInTheWeek() {
        try (KpiFixture kpi = new KpiFixture()) {
            kpi.round("u1", "u1-a", "2026-11-21T10:00:00Z", null, 0.3, "credibility", "risk_drift")
                    .round("u1", "u1-b", "2026-11-22T10:00:00Z", 0.3, 0.4, "impact_strength", "answer_length");
            kpi.round("u2", "u2-a", "2026-11-23T10:00:00Z", null, 0.3, "impact_strength", "risk_drift");
            kpi.round("u3", "u3-a", "2026-11-24T10:00:00Z", null, 0.3, "credibility", "answer_length");
            // u4's latest round is outside the week; the one inside counts
            kpi.round("u4", "u4-a", "2026-11-25T10:00:00Z", null, 0.3, "star_structure", "answer_length")
                    .round("u4", "u4-b", "2026-11-27T10:00:00Z", 0.3, 0.4, "credibility", "risk_drift");

            DriverLeaders leaders = KpiFigures.learning(kpi.users().values(), DAYS_7);

            assertThat(leaders).isEqualTo(new DriverLeaders("impact_strength", "answer_length"));
            assertThat(KpiFigures.learning(kpi.users().values(), KpiWindow.trailingDays(NOW.minus(Duration.ofDays(30)),
                    7))).isEqualTo(new DriverLeaders(null, null));
        }
    }

    @Test
    void shouldEndWithTheSameRecordsWhateverOrderTheInputsArrivedIn() {
        List<Consumer<KpiFixture>> inputs = List.of(
                k -> k.round("u1", "u1-a", "2026-11-20T10:00:00Z", null, 0.30, "credibility", "risk_drift"),
                k -> k.round("u1", "u1-b", "2026-11-22T10:00:00Z", 0.30, 0.35, "impact_strength", "risk_drift"),
                k -> k.event(LANDING_VIEW, "a1", "u1", "2026-11-19T10:00:00Z"),
                k -> k.event(LANDING_VIEW, "a1", null, "2026-11-18T09:00:00Z"),
                k -> k.event(CTA_CLICK, "a1", null, "2026-11-18T09:00:05Z"),
                k -> k.event(FIRST_METER_SEEN, "a1", "u1", "2026-11-19T10:00:30Z"),
                k -> k.event(FIRST_METER_SEEN, "a1", "u1", "2026-11-18T09:05:00Z"),
                k -> k.event(SESSION_STARTED, null, "u2", "2026-11-23T10:00:00Z"),
                k -> k.round("u2", "u2-a", "2026-11-23T10:10:00Z", null, 0.4, "credibility", null));
        try (KpiFixture forward = new KpiFixture(); KpiFixture backward = new KpiFixture()) {
            inputs.forEach(i -> i.accept(forward));
            List<Consumer<KpiFixture>> reversed = new java.util.ArrayList<>(inputs);
            java.util.Collections.reverse(reversed);
            reversed.forEach(i -> i.accept(backward));

            assertThat(KpiFixture.encoded(backward.users())).containsExactlyElementsOf(
                    KpiFixture.encoded(forward.users()));
            assertThat(KpiFixture.encoded(backward.days())).containsExactlyElementsOf(
                    KpiFixture.encoded(forward.days()));
            assertThat(forward.days().get("2026-11-18").timeToWowMs()).containsExactly(300_000L);
            assertThat(new String(JsonCodec.encode(forward.users().get("u1"))))
                    .contains("\"first_round\":{\"session_id\":\"u1-a\"");
        }
    }

    @Test
    void shouldDropActiveDaysOlderThanTheRetentionBeforeTheNewestDay() {
        try (KpiFixture kpi = new KpiFixture()) {
            kpi.event(SESSION_STARTED, null, "u1", "2026-01-01T10:00:00Z")
                    .round("u1", "u1-a", "2026-01-01T11:00:00Z", null, 0.3)
                    .event(SESSION_STARTED, null, "u1", "2026-11-26T10:00:00Z");

            UserActivity u1 = kpi.users().get("u1");
            assertThat(u1.days()).singleElement().satisfies(d -> assertThat(d.day()).hasToString("2026-11-26"));
            assertThat(u1.firstRound().sessionId()).as("the first round is kept for retention").isEqualTo("u1-a");
        }
    }

    private static void rising(KpiFixture kpi, String user, String first, String second, String third) {
        kpi.round(user, user + "-a", first, 0.30, 0.33).round(user, user + "-b", second, 0.33, 0.36)
                .round(user, user + "-c", third, 0.36, 0.40);
    }

    private static void wow(KpiFixture kpi, String anonymousId, String landing, int seconds) {
        kpi.event(LANDING_VIEW, anonymousId, null, landing).event(FIRST_METER_SEEN, anonymousId, "u-" + anonymousId,
                Instant.parse(landing).plusSeconds(seconds).toString());
    }
}
