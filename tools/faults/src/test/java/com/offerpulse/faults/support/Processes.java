package com.offerpulse.faults.support;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every child process a fault test started, so none outlives the test JVM: tests close them in finally blocks, and
 * a shutdown hook kills whatever is left (a failsafe timeout, a crashed test).
 */
public final class Processes {
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly),
                "fault-test-children"));
    }

    private Processes() {
    }

    static Process track(Process p) {
        LIVE.add(p);
        p.onExit().thenRun(() -> LIVE.remove(p));
        return p;
    }
}
