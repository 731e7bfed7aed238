package com.offerpulse.tools.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.contracts.session.EndReason;
import com.offerpulse.contracts.session.SessionEnded;
import com.offerpulse.contracts.session.SessionLifecycleEvent;
import com.offerpulse.contracts.session.SessionStarted;
import com.offerpulse.contracts.transcript.Speaker;
import com.offerpulse.contracts.transcript.TranscriptSegment;

/** The record-time rules that make one time-ordered sandbox partition replay rounds in the live order. */
class LiveInputTest {
    private static final long T = Instant.parse("2026-11-26T09:00:00Z").toEpochMilli();
    private static final Duration INACTIVITY = Duration.ofMinutes(10);

    private static ConsumerRecord<String, byte[]> segment(String session, long seq, long ts, int partition, long offset) {
        TranscriptSegment s = new TranscriptSegment(session + ":" + seq, session, "u1", seq, Speaker.CANDIDATE, "Hi.",
                0, 1, true, Instant.ofEpochMilli(ts));
        return record(session, JsonCodec.encode(s), ts, partition, offset);
    }

    private static ConsumerRecord<String, byte[]> lifecycle(String session, SessionLifecycleEvent e, long ts,
            long offset) {
        return record(session, JsonCodec.encode(e), ts, 0, offset);
    }

    private static ConsumerRecord<String, byte[]> record(String key, byte[] value, long ts, int partition,
            long offset) {
        return new ConsumerRecord<>("t", partition, offset, ts, org.apache.kafka.common.record.TimestampType.CREATE_TIME,
                0, 0, key, value, new org.apache.kafka.common.header.internals.RecordHeaders(), java.util.Optional.empty());
    }

    @Test
    void shouldTimeAnInactivityEndWhenTheLiveProcessorDecidedItNotAtItsEventTime() {
        List<ConsumerRecord<String, byte[]>> segments = List.of(segment("s1", 1, T + 10, 0, 0),
                segment("s1", 2, T + 20, 0, 1));
        SessionEnded timeout = new SessionEnded("s1:timeout", "s1", "u1", EndReason.TIMEOUT, Instant.ofEpochMilli(T + 20));
        List<ConsumerRecord<String, byte[]>> lifecycle = List.of(
                lifecycle("s1", new SessionStarted("e", "s1", "u1", "q", "r", Instant.ofEpochMilli(T)), T, 0),
                lifecycle("s2", new SessionStarted("f", "s2", "u1", "q", "r", Instant.ofEpochMilli(T + 60_000)),
                        T + 60_000, 1),
                lifecycle("s1", timeout, T + 20, 2),
                lifecycle("s2", new SessionEnded("g", "s2", "u1", EndReason.CLIENT, Instant.ofEpochMilli(T + 90_000)),
                        T + 90_000, 3));

        LiveInput.Prepared p = LiveInput.order(segments, lifecycle, Set.of("s1", "s2"), INACTIVITY, 2);

        assertThat(p.lifecycle()).extracting(InputRecord::liveOffset).as("s2 ended before s1 timed out")
                .containsExactly(0L, 1L, 3L, 2L);
        assertThat(p.lifecycle().get(3).timestamp()).isEqualTo(T + 20 + INACTIVITY.toMillis());
        assertThat(p.ownerBySession()).containsEntry("s1", "u1").containsEntry("s2", "u1");
    }

    @Test
    void shouldPlaceAnEndAfterASegmentOfTheSameMillisecond() {
        List<ConsumerRecord<String, byte[]>> segments = List.of(segment("s1", 1, T + 5, 0, 0));
        List<ConsumerRecord<String, byte[]>> lifecycle = List.of(lifecycle("s1",
                new SessionEnded("x", "s1", "u1", EndReason.CLIENT, Instant.ofEpochMilli(T + 5)), T + 5, 0));

        LiveInput.Prepared p = LiveInput.order(segments, lifecycle, Set.of("s1"), INACTIVITY, 1);

        assertThat(p.lifecycle().get(0).timestamp()).isEqualTo(T + 6);
        assertThat(p.segments().get(0).timestamp()).isEqualTo(T + 5);
    }

    @Test
    void shouldKeepARoundsLiveOrderWhenItsRecordTimesGoBackwards() {
        // Two partitions merged into one: time order across rounds, offset order within a round.
        List<ConsumerRecord<String, byte[]>> segments = List.of(segment("s1", 1, T + 50, 0, 0),
                segment("s1", 2, T + 40, 0, 1), segment("s2", 1, T + 45, 1, 0));

        LiveInput.Prepared p = LiveInput.order(segments, List.of(), Set.of("s1", "s2"), INACTIVITY, 3);

        assertThat(p.segments()).extracting(r -> r.key() + "@" + r.liveOffset()).containsExactly("s2@0", "s1@0", "s1@1");
        assertThat(p.segments()).extracting(InputRecord::timestamp).containsExactly(T + 45, T + 50, T + 50);
    }
}
