package com.offerpulse.query.kpi;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.offerpulse.contracts.kpi.Ratio;

/** The KPI answers, field for field as in the growth HTTP contract (snake_case on the wire). */
final class KpiResponses {
    private KpiResponses() {
    }

    /** {@code GET /api/kpi/north-star}. */
    record NorthStar(Double rate, long numerator, long denominator, Instant windowStart, Instant windowEnd, int days,
            List<WeeklyPoint> weekly) {
    }

    /** One point of the north-star chart: the trailing {@code days} window ending at {@code week_end}. */
    record WeeklyPoint(Instant weekStart, Instant weekEnd, Double rate, long numerator, long denominator) {
    }

    /** {@code GET /api/kpi/funnel}. */
    record Funnel(Instant windowStart, Instant windowEnd, int days, long landingViews, long ctaClicks,
            Double landingCvr, Long medianTimeToWowMs,
            @JsonProperty("round_retention_7d") Share roundRetention7d) {
    }

    record Share(Double rate, long numerator, long denominator) {
        static Share of(Ratio r) {
            return new Share(r.rate(), r.numerator(), r.denominator());
        }
    }

    /** {@code GET /api/kpi/weekly-review}. */
    record WeeklyReview(Instant weekStart, Instant weekEnd, ConversionImpact conversionImpact, Learning learning,
            String whatShipped, String nextWeekHighestLeverageChange) {
    }

    record ConversionImpact(RateChange landingCvr, MillisChange medianTimeToWowMs,
            @JsonProperty("round_retention_7d") RateChange roundRetention7d) {
    }

    /** This week's value, last week's, and the difference (null when either is unknown). */
    record RateChange(Double value, Double previous, Double change) {
    }

    record MillisChange(Long value, Long previous, Long change) {
    }

    record Learning(String topPositiveDriver, String topNegativeDriver) {
    }
}
