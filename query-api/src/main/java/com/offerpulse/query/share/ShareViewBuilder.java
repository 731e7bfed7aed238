package com.offerpulse.query.share;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.offerpulse.contracts.analytics.Driver;
import com.offerpulse.contracts.growth.ShareView;

/**
 * Builds the user-safe snapshot (docs/GROWTH.md, "Share snapshots"):
 * <ul>
 * <li>{@code offer_probability}: the current one, to two decimals;</li>
 * <li>{@code rounds_completed}: rounds that ended within the period;</li>
 * <li>{@code change_over_period}: now minus the offer probability when the period began (after the last round
 * before it; else before the period's first round; else after it), null without a round in the period or without
 * a starting point;</li>
 * <li>{@code strengths} / {@code focus_areas}: the strongest positive / negative drivers (at most
 * {@value #MAX_DRIVERS} each) in the fixed words of {@link ShareWording}.</li>
 * </ul>
 */
final class ShareViewBuilder {
    static final int MAX_DRIVERS = 3;
    private static final double HUNDREDTHS = 100.0;

    private ShareViewBuilder() {
    }

    static ShareView build(ShareSource source, int periodDays, Instant now) {
        Instant periodStart = now.minus(Duration.ofDays(periodDays));
        List<ShareSource.RoundPoint> newestFirst = source.rounds().stream()
                .sorted(Comparator.comparing(ShareSource.RoundPoint::endedAt).reversed()).toList();
        List<ShareSource.RoundPoint> inPeriod = newestFirst.stream()
                .filter(r -> !r.endedAt().isBefore(periodStart) && !r.endedAt().isAfter(now)).toList();
        Optional<ShareSource.RoundPoint> beforePeriod = newestFirst.stream()
                .filter(r -> r.endedAt().isBefore(periodStart)).findFirst();

        Double baseline = null;
        if (!inPeriod.isEmpty()) {
            ShareSource.RoundPoint first = inPeriod.get(inPeriod.size() - 1);
            if (beforePeriod.isPresent()) {
                baseline = beforePeriod.get().after();
            } else if (first.before() != null) {
                baseline = first.before();
            } else if (inPeriod.size() > 1) {
                baseline = first.after();
            }
        }
        Double current = source.offerProbability();
        Double change = current == null || baseline == null ? null : hundredths(current - baseline);

        return new ShareView(current == null ? null : hundredths(current), change, periodDays, inPeriod.size(),
                words(source.driversPositive(), d -> d.contribution() > 0,
                        Comparator.comparingDouble(Driver::contribution).reversed(), ShareWording::strength),
                words(source.driversNegative(), d -> d.contribution() < 0,
                        Comparator.comparingDouble(Driver::contribution), ShareWording::focus));
    }

    private static List<String> words(List<Driver> drivers, java.util.function.Predicate<Driver> keep,
            Comparator<Driver> strongestFirst, Function<String, Optional<String>> wording) {
        return drivers.stream().filter(keep).sorted(strongestFirst)
                .map(d -> wording.apply(d.meter())).flatMap(Optional::stream)
                .distinct().limit(MAX_DRIVERS).toList();
    }

    private static double hundredths(double v) {
        return Math.round(v * HUNDREDTHS) / HUNDREDTHS + 0.0; // + 0.0 turns -0.0 into 0.0
    }
}
