package com.offerpulse.faults.support;

import java.time.Duration;

/** What a fault test injected and what it verified, printed to the build log as it happens. */
public final class FaultReport {
    private final String test;
    private final long started = System.nanoTime();

    public FaultReport(String test) {
        this.test = test;
    }

    public void setup(String what) {
        print("SETUP   ", what);
    }

    public void injected(String what) {
        print("INJECTED", what);
    }

    public void verified(String what) {
        print("VERIFIED", what);
    }

    public void note(String what) {
        print("NOTE    ", what);
    }

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private void print(String kind, String what) {
        System.out.printf("[fault %s +%5.1fs] %s %s%n", test, elapsed().toMillis() / 1000.0, kind, what);
        System.out.flush();
    }
}
