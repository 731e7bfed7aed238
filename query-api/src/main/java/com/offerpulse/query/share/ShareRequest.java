package com.offerpulse.query.share;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** {@code POST /api/share}, body optional: the period in days the snapshot's change covers (1 to 90). */
public record ShareRequest(@Min(1) @Max(MAX_PERIOD_DAYS) Integer periodDays) {
    public static final int MAX_PERIOD_DAYS = 90;
}
