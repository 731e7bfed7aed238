package com.offerpulse.stream.kpi;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.offerpulse.contracts.json.Require;

/**
 * One change to a day's funnel, sent from an identity's fold to the day's (internal {@value KpiTopology#BY_DAY}
 * repartition topic, keyed by the ISO date).
 */
record FunnelDelta(LocalDate day, Kind kind, @JsonProperty(required = true) long timeToWowMs) {

    enum Kind {
        /** The identity's first landing view of the day. */
        LANDING_VISIT,
        /** The identity's first CTA click of the day. */
        CTA_CLICK,
        /** A time-to-wow sample for this landing day. */
        WOW_ADD,
        /** A sample sent earlier that an earlier landing view or meter has replaced. */
        WOW_REMOVE
    }

    FunnelDelta {
        Require.present(day, "day");
        Require.present(kind, "kind");
    }

    static FunnelDelta count(LocalDate day, Kind kind) {
        return new FunnelDelta(day, kind, 0);
    }
}
