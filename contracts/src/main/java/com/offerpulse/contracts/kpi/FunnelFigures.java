package com.offerpulse.contracts.kpi;

/** The funnel of one window (see {@link KpiFigures#funnel}). */
public record FunnelFigures(long landingViews, long ctaClicks, Double landingCvr, Long medianTimeToWowMs,
        Ratio roundRetention7d) {
}
