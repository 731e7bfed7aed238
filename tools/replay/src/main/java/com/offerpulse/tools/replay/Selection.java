package com.offerpulse.tools.replay;

import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Which part of {@code transcript.segments.v1} to re-derive. */
public sealed interface Selection {

    /** Every segment on the topic, and every round on the lifecycle topic. */
    record All() implements Selection {
        @Override
        public String toString() {
            return "all";
        }
    }

    /**
     * Segments whose record time is in {@code [from, to)} (a null {@code to}: up to now), plus the rounds started in
     * that window (a round where nobody spoke has no segment, yet it counts for the user's offer probability).
     */
    record TimeRange(Instant from, Instant to) implements Selection {
        public TimeRange {
            if (from == null) {
                throw new IllegalArgumentException("--from is required for a time range");
            }
            if (to != null && !to.isAfter(from)) {
                throw new IllegalArgumentException("--to must be after --from");
            }
        }

        boolean contains(long timestampMs) {
            return timestampMs >= from.toEpochMilli() && (to == null || timestampMs < to.toEpochMilli());
        }

        @Override
        public String toString() {
            return "record time [" + from + ", " + (to == null ? "now" : to) + ")";
        }
    }

    /** Segments by offset: per partition {@code [from, to)}; a null {@code to} means up to the end. */
    record Offsets(SortedMap<Integer, OffsetRange> ranges) implements Selection {
        public Offsets {
            if (ranges == null || ranges.isEmpty()) {
                throw new IllegalArgumentException("--offsets needs at least one partition:from-to");
            }
            ranges = new TreeMap<>(ranges);
        }

        static Offsets of(Map<Integer, OffsetRange> ranges) {
            return new Offsets(new TreeMap<>(ranges));
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("offsets");
            ranges.forEach((p, r) -> sb.append(' ').append(p).append(':').append(r.from()).append('-')
                    .append(r.to() == null ? "end" : r.to()));
            return sb.toString();
        }
    }

    /** {@code [from, to)} of one partition. */
    record OffsetRange(long from, Long to) {
        public OffsetRange {
            if (from < 0 || (to != null && to < from)) {
                throw new IllegalArgumentException("an offset range is from-to with 0 <= from <= to");
            }
        }
    }
}
