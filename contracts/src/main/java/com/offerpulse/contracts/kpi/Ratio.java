package com.offerpulse.contracts.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A share with its parts; the rate is null when nothing was counted (never a division by zero). */
public record Ratio(long numerator, long denominator) {
    /** Rates and differences are published with this many decimals, so equal inputs give equal bytes. */
    public static final int DECIMALS = 4;

    public Double rate() {
        return denominator == 0 ? null : round((double) numerator / denominator);
    }

    public static double round(double value) {
        return BigDecimal.valueOf(value).setScale(DECIMALS, RoundingMode.HALF_UP).doubleValue();
    }
}
