package com.offerpulse.contracts.kpi;

/** The most common strongest positive and negative driver (meter names) across users' latest rounds; null if none. */
public record DriverLeaders(String topPositiveDriver, String topNegativeDriver) {
}
