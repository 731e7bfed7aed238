package com.offerpulse.platform.logging;

import org.slf4j.LoggerFactory;

import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * A process that fails every way we know of printing a stack trace: a logged error, a JUL error, a Reactor error
 * dropped after completion, a thread that dies, and finally {@code main} itself throwing. Run by
 * {@link StructuredConsoleTest} in its own JVM so that everything on its console is captured.
 */
public final class FailingMain {
    private FailingMain() {
    }

    public static void main(String[] args) throws Exception {
        StructuredLogging.initializeEarly(args);
        LoggerFactory.getLogger("probe.slf4j").error("logged failure",
                new IllegalStateException("boom", new IllegalArgumentException("root cause")));
        java.util.logging.Logger.getLogger("probe.jul").log(java.util.logging.Level.SEVERE, "jul failure",
                new IllegalArgumentException("from jul"));
        Operators.onErrorDropped(new IllegalStateException("dropped by reactor"), Context.empty());
        Thread worker = new Thread(() -> {
            throw new IllegalStateException("worker died");
        }, "probe-worker");
        worker.start();
        worker.join();
        throw new IllegalStateException("main failed");
    }
}
