package com.offerpulse.stream.rounds;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.offerpulse.contracts.json.JsonCodec;

class SeqRangesTest {

    @Test
    void shouldMergeAdjacentSeqsIntoOneRange() {
        SeqRanges r = SeqRanges.empty().with(1).with(2).with(4).with(3);
        assertThat(r.ranges()).hasSize(1);
        assertThat(r.ranges().get(0)).containsExactly(1, 4);
        assertThat(r.contains(3)).isTrue();
        assertThat(r.contains(5)).isFalse();
    }

    @Test
    void shouldKeepGapsApartAndFillThem() {
        SeqRanges r = SeqRanges.empty().with(10).with(1).with(5);
        assertThat(r.ranges()).hasSize(3);
        assertThat(r.contains(7)).isFalse();
        r = r.with(2).with(3).with(4);
        assertThat(r.ranges()).hasSize(2);
        assertThat(r.ranges().get(0)).containsExactly(1, 5);
        assertThat(r.with(3)).isSameAs(r);
    }

    @Test
    void shouldSurviveAJsonRoundTrip() {
        SeqRanges r = SeqRanges.empty().with(1).with(2).with(9);
        assertThat(JsonCodec.decode(JsonCodec.encode(r), SeqRanges.class)).isEqualTo(r);
    }

    @Test
    void shouldForgetTheLowestGapsBeyondTheCap() {
        SeqRanges r = SeqRanges.empty();
        for (long seq = 1; seq <= 19; seq += 2) {
            r = r.with(seq); // 1, 3, 5, ... 19: ten ranges, nine gaps
        }
        SeqRanges capped = r.capped(4);

        assertThat(capped.ranges()).hasSize(4);
        assertThat(capped.ranges().get(0)).containsExactly(1, 13);
        assertThat(capped.contains(2)).as("a forgotten gap counts as applied").isTrue();
        assertThat(capped.contains(16)).as("the newest gaps are kept").isFalse();
        assertThat(r.capped(10)).isSameAs(r);
    }
}
