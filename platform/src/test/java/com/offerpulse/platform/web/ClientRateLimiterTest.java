package com.offerpulse.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ClientRateLimiterTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldAllowTheBurstThenRefuseWithTheWaitUntilTheNextToken() {
        ClientRateLimiter limiter = new ClientRateLimiter(2, 3);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("ip:1", 0)).isEmpty();
        }
        assertThat(limiter.tryAcquire("ip:1", 0)).contains(Duration.ofMillis(500));
    }

    @Test
    void shouldRefillAtTheConfiguredRate() {
        ClientRateLimiter limiter = new ClientRateLimiter(2, 1);
        assertThat(limiter.tryAcquire("ip:1", 0)).isEmpty();
        assertThat(limiter.tryAcquire("ip:1", SECOND / 4)).isPresent();
        assertThat(limiter.tryAcquire("ip:1", SECOND / 2)).isEmpty();
    }

    @Test
    void shouldKeepClientsApart() {
        ClientRateLimiter limiter = new ClientRateLimiter(1, 1);
        assertThat(limiter.tryAcquire("ip:1", 0)).isEmpty();
        assertThat(limiter.tryAcquire("ip:1", 0)).isPresent();
        assertThat(limiter.tryAcquire("ip:2", 0)).isEmpty();
    }

    @Test
    void shouldDropIdleClientsWhenTheMapGrowsLarge() {
        ClientRateLimiter limiter = new ClientRateLimiter(1, 1);
        for (int i = 0; i <= ClientRateLimiter.MAX_CLIENTS; i++) {
            limiter.tryAcquire("ip:" + i, 0);
        }
        // Long after, every bucket is full again: the next new client triggers the sweep.
        limiter.tryAcquire("late", 10 * SECOND);
        assertThat(limiter.trackedClients()).isEqualTo(1);
    }
}
