package com.offerpulse.stream.rounds;

import java.util.ArrayList;
import java.util.List;

/**
 * The set of segment seqs already applied to a round, as sorted disjoint closed ranges ({@code [from, to]}):
 * a round of consecutive seqs is one range however long it gets. Immutable; a JSON-friendly state value.
 */
public record SeqRanges(List<long[]> ranges) {

    public SeqRanges {
        ranges = List.copyOf(ranges);
    }

    public static SeqRanges empty() {
        return new SeqRanges(List.of());
    }

    public boolean contains(long seq) {
        int lo = 0;
        int hi = ranges.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long[] r = ranges.get(mid);
            if (seq < r[0]) {
                hi = mid - 1;
            } else if (seq > r[1]) {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    public SeqRanges with(long seq) {
        if (contains(seq)) {
            return this;
        }
        List<long[]> out = new ArrayList<>(ranges.size() + 1);
        long from = seq;
        long to = seq;
        boolean placed = false;
        for (long[] r : ranges) {
            if (r[1] + 1 < from) {
                out.add(r);
            } else if (to + 1 < r[0]) {
                if (!placed) {
                    out.add(new long[] {from, to});
                    placed = true;
                }
                out.add(r);
            } else {
                from = Math.min(from, r[0]);
                to = Math.max(to, r[1]);
            }
        }
        if (!placed) {
            out.add(new long[] {from, to});
        }
        return new SeqRanges(out);
    }

    /**
     * This set with at most {@code maxRanges} ranges: beyond it the lowest gaps are forgotten (the lowest ranges merge
     * with what lies between them), so seqs 1, 3, 5, … cannot grow the set without bound. A seq in a forgotten gap
     * then counts as applied: a segment arriving that late is dropped like a duplicate.
     */
    public SeqRanges capped(int maxRanges) {
        if (ranges.size() <= maxRanges) {
            return this;
        }
        int merge = ranges.size() - Math.max(1, maxRanges) + 1;
        List<long[]> out = new ArrayList<>(maxRanges);
        out.add(new long[] {ranges.get(0)[0], ranges.get(merge - 1)[1]});
        out.addAll(ranges.subList(merge, ranges.size()));
        return new SeqRanges(out);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SeqRanges other) || other.ranges.size() != ranges.size()) {
            return false;
        }
        for (int i = 0; i < ranges.size(); i++) {
            if (!java.util.Arrays.equals(ranges.get(i), other.ranges.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (long[] r : ranges) {
            h = 31 * h + java.util.Arrays.hashCode(r);
        }
        return h;
    }
}
