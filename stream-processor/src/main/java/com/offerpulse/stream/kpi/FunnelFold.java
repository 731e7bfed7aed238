package com.offerpulse.stream.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import com.offerpulse.contracts.growth.ProductEvent;
import com.offerpulse.contracts.growth.ProductEventName;
import com.offerpulse.contracts.kpi.DailyFunnel;
import com.offerpulse.contracts.kpi.KpiWindow;

/**
 * The funnel's two folds. Per identity: count a landing visit or CTA click once per UTC day, and keep the earliest
 * landing view and meter seen; when they give a different time-to-wow sample than before, retract the old sample and
 * send the new one, so the days end with the same samples whatever order the events arrived in. Per day: apply those
 * deltas to the day's counters and sorted samples.
 */
final class FunnelFold {
    static final List<ProductEventName> FUNNEL_EVENTS = List.of(ProductEventName.LANDING_VIEW,
            ProductEventName.CTA_CLICK, ProductEventName.FIRST_METER_SEEN);

    private final long retentionDays;
    private final int maxSamplesPerDay;

    FunnelFold(long retentionDays, int maxSamplesPerDay) {
        this.retentionDays = retentionDays;
        this.maxSamplesPerDay = maxSamplesPerDay;
    }

    record Step(IdentityFunnel state, List<FunnelDelta> deltas) {
    }

    /** The browser's anonymous id joins a visitor's events from before and after sign-in; the user id otherwise. */
    static String identityOf(ProductEvent event) {
        return event.anonymousId() != null && !event.anonymousId().isBlank() ? event.anonymousId() : event.userId();
    }

    Step apply(IdentityFunnel current, ProductEvent event) {
        LocalDate day = KpiWindow.dayOf(event.occurredAt());
        Instant at = event.occurredAt();
        List<FunnelDelta> deltas = new ArrayList<>(3);
        IdentityFunnel next = switch (event.name()) {
            case LANDING_VIEW -> {
                List<LocalDate> days = countOnce(current.landingDays(), day, FunnelDelta.Kind.LANDING_VISIT, deltas);
                yield new IdentityFunnel(earliest(current.firstLandingAt(), at), current.firstMeterAt(), days,
                        current.ctaDays());
            }
            case CTA_CLICK -> new IdentityFunnel(current.firstLandingAt(), current.firstMeterAt(),
                    current.landingDays(), countOnce(current.ctaDays(), day, FunnelDelta.Kind.CTA_CLICK, deltas));
            case FIRST_METER_SEEN -> new IdentityFunnel(current.firstLandingAt(), earliest(current.firstMeterAt(), at),
                    current.landingDays(), current.ctaDays());
            default -> current;
        };
        IdentityFunnel.WowSample before = current.wow();
        IdentityFunnel.WowSample after = next.wow();
        if (!Objects.equals(before, after)) {
            if (before != null) {
                deltas.add(new FunnelDelta(before.landingDay(), FunnelDelta.Kind.WOW_REMOVE, before.millis()));
            }
            if (after != null) {
                deltas.add(new FunnelDelta(after.landingDay(), FunnelDelta.Kind.WOW_ADD, after.millis()));
            }
        }
        return new Step(next, deltas);
    }

    DailyFunnel apply(DailyFunnel day, FunnelDelta delta) {
        return switch (delta.kind()) {
            case LANDING_VISIT -> new DailyFunnel(day.day(), day.landingVisits() + 1, day.ctaClicks(),
                    day.timeToWowMs(), day.wowSamplesDropped());
            case CTA_CLICK -> new DailyFunnel(day.day(), day.landingVisits(), day.ctaClicks() + 1, day.timeToWowMs(),
                    day.wowSamplesDropped());
            case WOW_ADD -> day.timeToWowMs().size() >= maxSamplesPerDay
                    ? new DailyFunnel(day.day(), day.landingVisits(), day.ctaClicks(), day.timeToWowMs(),
                            day.wowSamplesDropped() + 1)
                    : new DailyFunnel(day.day(), day.landingVisits(), day.ctaClicks(),
                            with(day.timeToWowMs(), delta.timeToWowMs()), day.wowSamplesDropped());
            case WOW_REMOVE -> {
                List<Long> samples = new ArrayList<>(day.timeToWowMs());
                if (samples.remove(Long.valueOf(delta.timeToWowMs()))) {
                    yield new DailyFunnel(day.day(), day.landingVisits(), day.ctaClicks(), samples,
                            day.wowSamplesDropped());
                }
                yield new DailyFunnel(day.day(), day.landingVisits(), day.ctaClicks(), samples,
                        Math.max(0, day.wowSamplesDropped() - 1));
            }
        };
    }

    /**
     * Adds the day to the counted ones and emits its count, unless it was counted already or lies more than the
     * retention before the newest counted day (then it was, or would be, pruned).
     */
    private List<LocalDate> countOnce(List<LocalDate> counted, LocalDate day, FunnelDelta.Kind kind,
            List<FunnelDelta> deltas) {
        if (counted.contains(day)) {
            return counted;
        }
        TreeSet<LocalDate> days = new TreeSet<>(counted);
        days.add(day);
        LocalDate oldestKept = days.last().minusDays(retentionDays);
        days.headSet(oldestKept).clear();
        if (days.contains(day)) {
            deltas.add(FunnelDelta.count(day, kind));
        }
        return List.copyOf(days);
    }

    private static Instant earliest(Instant known, Instant candidate) {
        return known == null || candidate.isBefore(known) ? candidate : known;
    }

    private static List<Long> with(List<Long> ascending, long sample) {
        List<Long> out = new ArrayList<>(ascending.size() + 1);
        out.addAll(ascending);
        out.add(sample);
        return out;
    }
}
