package com.offerpulse.stream.kpi;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.offerpulse.contracts.kpi.KpiWindow;

/**
 * What the funnel remembers per identity (the anonymous id when the browser sent one, else the user id): the first
 * landing view and first meter seen, and the days a landing visit and a CTA click were already counted.
 */
record IdentityFunnel(Instant firstLandingAt, Instant firstMeterAt, List<LocalDate> landingDays,
        List<LocalDate> ctaDays) {

    static final IdentityFunnel NONE = new IdentityFunnel(null, null, List.of(), List.of());

    IdentityFunnel {
        landingDays = landingDays == null ? List.of() : landingDays.stream().sorted().toList();
        ctaDays = ctaDays == null ? List.of() : ctaDays.stream().sorted().toList();
    }

    /** Landing view → first meter seen, attributed to the landing day; none if the meter came first. */
    WowSample wow() {
        if (firstLandingAt == null || firstMeterAt == null || firstMeterAt.isBefore(firstLandingAt)) {
            return null;
        }
        return new WowSample(KpiWindow.dayOf(firstLandingAt), Duration.between(firstLandingAt, firstMeterAt).toMillis());
    }

    record WowSample(LocalDate landingDay, long millis) {
    }
}
