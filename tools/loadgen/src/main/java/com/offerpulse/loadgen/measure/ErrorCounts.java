package com.offerpulse.loadgen.measure;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Errors by kind ("http_503", "ws_closed", "ingest_error_400"…), counted from any thread. */
public final class ErrorCounts {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final LongAdder total = new LongAdder();

    public void count(String kind) {
        counts.computeIfAbsent(kind, k -> new LongAdder()).increment();
        total.increment();
    }

    public long total() {
        return total.sum();
    }

    public Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
