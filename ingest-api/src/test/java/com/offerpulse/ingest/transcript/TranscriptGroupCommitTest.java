package com.offerpulse.ingest.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import com.offerpulse.platform.kafka.OutboundRecord;
import com.offerpulse.platform.kafka.RecordWriter;
import com.offerpulse.platform.problem.ApiProblem;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class TranscriptGroupCommitTest {

    /** A writer whose transactions complete only when the test says so. */
    static final class HeldWriter implements RecordWriter {
        final List<List<OutboundRecord>> transactions = new CopyOnWriteArrayList<>();
        final List<Sinks.Empty<Void>> commits = new CopyOnWriteArrayList<>();

        @Override
        public Mono<Void> writeAll(List<OutboundRecord> records) {
            transactions.add(List.copyOf(records));
            Sinks.Empty<Void> commit = Sinks.empty();
            commits.add(commit);
            return commit.asMono();
        }
    }

    static List<OutboundRecord> batch(String session, int n) {
        List<OutboundRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new OutboundRecord("transcript.segments.v1", session, (session + i).getBytes()));
        }
        return out;
    }

    static final class Outcome {
        volatile boolean ok;
        volatile Throwable error;

        void watch(Mono<Void> m) {
            m.subscribe(null, e -> error = e, () -> ok = true);
        }
    }

    @Test
    void shouldSendABatchAtOnceWhenNothingIsInFlight() {
        HeldWriter writer = new HeldWriter();
        TranscriptGroupCommit commits = new TranscriptGroupCommit(writer, 100, new SimpleMeterRegistry());
        Outcome a = new Outcome();

        a.watch(commits.writeAll(batch("s1", 2)));

        assertThat(writer.transactions).hasSize(1);
        assertThat(a.ok).isFalse();
        writer.commits.get(0).tryEmitEmpty();
        assertThat(a.ok).isTrue();
    }

    @Test
    void shouldCommitBatchesThatArriveDuringATransactionTogetherInArrivalOrder() {
        HeldWriter writer = new HeldWriter();
        TranscriptGroupCommit commits = new TranscriptGroupCommit(writer, 100, new SimpleMeterRegistry());
        Outcome first = new Outcome();
        Outcome second = new Outcome();
        Outcome third = new Outcome();

        first.watch(commits.writeAll(batch("s1", 1)));
        second.watch(commits.writeAll(batch("s2", 2)));
        third.watch(commits.writeAll(batch("s1", 1)));
        assertThat(writer.transactions).hasSize(1);

        writer.commits.get(0).tryEmitEmpty();

        assertThat(first.ok).isTrue();
        assertThat(second.ok).isFalse();
        assertThat(writer.transactions).hasSize(2);
        assertThat(writer.transactions.get(1)).extracting(OutboundRecord::key).containsExactly("s2", "s2", "s1");
        writer.commits.get(1).tryEmitEmpty();
        assertThat(second.ok).isTrue();
        assertThat(third.ok).isTrue();
    }

    @Test
    void shouldRefuseEveryBatchOfAFailedTransactionAndCarryOnWithTheNext() {
        HeldWriter writer = new HeldWriter();
        TranscriptGroupCommit commits = new TranscriptGroupCommit(writer, 100, new SimpleMeterRegistry());
        Outcome first = new Outcome();
        Outcome second = new Outcome();
        Outcome third = new Outcome();
        Outcome later = new Outcome();
        first.watch(commits.writeAll(batch("s1", 1)));
        second.watch(commits.writeAll(batch("s2", 1)));
        third.watch(commits.writeAll(batch("s3", 1)));
        writer.commits.get(0).tryEmitEmpty();

        writer.commits.get(1).tryEmitError(ApiProblem.unavailable("down", Duration.ofSeconds(5)));

        assertThat(second.error).isInstanceOf(ApiProblem.class);
        assertThat(third.error).isInstanceOf(ApiProblem.class);
        assertThat(second.ok || third.ok).isFalse();
        later.watch(commits.writeAll(batch("s4", 1)));
        assertThat(writer.transactions).hasSize(3);
        writer.commits.get(2).tryEmitEmpty();
        assertThat(later.ok).isTrue();
    }

    @Test
    void shouldNotGrowATransactionPastTheRecordLimitButSendAnOversizedBatchAlone() {
        HeldWriter writer = new HeldWriter();
        TranscriptGroupCommit commits = new TranscriptGroupCommit(writer, 5, new SimpleMeterRegistry());
        commits.writeAll(batch("a", 1)).subscribe();
        commits.writeAll(batch("b", 3)).subscribe();
        commits.writeAll(batch("c", 3)).subscribe();
        commits.writeAll(batch("d", 8)).subscribe();

        writer.commits.get(0).tryEmitEmpty();
        writer.commits.get(1).tryEmitEmpty();
        writer.commits.get(2).tryEmitEmpty();

        assertThat(writer.transactions).extracting(List::size).containsExactly(1, 3, 3, 8);
    }
}
