package com.offerpulse.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class DistinctKeyLimiterTest {
    private static final long MINUTE = 60_000_000_000L;

    @Test
    void shouldAdmitUpToTheBoundOfNewMembersAndKeepAdmittedOnesWorking() {
        DistinctKeyLimiter limiter = new DistinctKeyLimiter(3, Duration.ofHours(1), 100);
        assertThat(limiter.admit("ip", "a", 0)).isEmpty();
        assertThat(limiter.admit("ip", "b", MINUTE)).isEmpty();
        assertThat(limiter.admit("ip", "c", 2 * MINUTE)).isEmpty();
        assertThat(limiter.admit("ip", "d", 3 * MINUTE)).as("a fourth new id").contains(Duration.ofMinutes(57));
        assertThat(limiter.admit("ip", "b", 3 * MINUTE)).as("an id already counted").isEmpty();
        assertThat(limiter.admit("other-ip", "d", 3 * MINUTE)).as("another owner").isEmpty();
    }

    @Test
    void shouldFreeASlotOneWindowAfterItsMemberWasFirstSeen() {
        DistinctKeyLimiter limiter = new DistinctKeyLimiter(1, Duration.ofHours(1), 100);
        assertThat(limiter.admit("ip", "a", 0)).isEmpty();
        assertThat(limiter.admit("ip", "b", 59 * MINUTE)).isPresent();
        assertThat(limiter.admit("ip", "b", 60 * MINUTE)).isEmpty();
    }

    @Test
    void shouldNeverTrackMoreOwnersThanItsCap() {
        DistinctKeyLimiter limiter = new DistinctKeyLimiter(2, Duration.ofHours(1), 10);
        for (int i = 0; i < 1_000; i++) {
            limiter.admit("ip-" + i, "a", 0);
        }
        assertThat(limiter.trackedOwners()).isEqualTo(10);
    }
}
