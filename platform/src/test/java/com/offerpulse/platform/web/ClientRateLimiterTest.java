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
    void shouldNeverTrackMoreKeysThanItsCapDroppingTheLeastRecentlyUsed() {
        ClientRateLimiter limiter = new ClientRateLimiter(1, 1, 3);
        limiter.tryAcquire("a", 0);
        limiter.tryAcquire("b", 0);
        limiter.tryAcquire("c", 0);
        limiter.tryAcquire("a", 0); // a is now the most recently used (and refused)
        for (int i = 0; i < 1_000; i++) {
            limiter.tryAcquire("flood-" + i, 0);
        }
        assertThat(limiter.trackedClients()).isEqualTo(3);
    }

    @Test
    void shouldKeepABusyKeyWhileAFloodOfNewKeysEvictsIdleOnes() {
        ClientRateLimiter limiter = new ClientRateLimiter(1, 1, 2);
        assertThat(limiter.tryAcquire("busy", 0)).isEmpty();
        limiter.tryAcquire("idle", 0);
        assertThat(limiter.tryAcquire("busy", 0)).isPresent();
        limiter.tryAcquire("new", 0); // evicts "idle", the least recently used
        assertThat(limiter.tryAcquire("busy", 0)).as("still limited: its bucket was kept").isPresent();
    }

    @Test
    void shouldAllowPerMinuteAllAtOnceThenOneEverySixSeconds() {
        ClientRateLimiter limiter = ClientRateLimiter.perMinute(10, 100);
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire("ip", 0)).isEmpty();
        }
        assertThat(limiter.tryAcquire("ip", 0)).contains(Duration.ofSeconds(6));
        assertThat(limiter.tryAcquire("ip", 6 * SECOND)).isEmpty();
    }
}
