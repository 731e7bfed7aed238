package com.offerpulse.ingest.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import com.offerpulse.platform.kafka.OutboundRecord;
import com.offerpulse.platform.kafka.RecordWriter;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Group commit for transcript batches: batches that arrive while a Kafka transaction is in flight wait for it and
 * then go out together in the next one, so N concurrent batches cost one transaction instead of N.
 *
 * <p>Why (docs/PERFORMANCE.md, "Ingest: group commit"): with thousands of candidates each streaming one segment a
 * second over the ingest socket, one transaction per message made the broker's transaction work (partition
 * registration, commit markers, transaction-log writes) and the writer threads the largest CPU cost per segment on
 * the launcher. The contract is unchanged: a batch is acknowledged only after the transaction holding it
 * committed; if that transaction fails, every batch in it is refused (503) and none of it is visible to
 * read_committed readers, so each batch is still all-or-nothing. Batches keep their arrival order inside a
 * transaction, so one session's segments stay in order. When nothing is in flight a batch goes out at once: no
 * timer, no added latency on an idle server.
 */
final class TranscriptGroupCommit {
    /** A transaction holds at most this many records (whole batches; one batch larger than this goes alone). */
    static final int MAX_RECORDS_PER_TRANSACTION = 10_000;

    private final RecordWriter writer;
    private final int maxRecords;
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private final DistributionSummary batchesPerTransaction;

    private record Pending(List<OutboundRecord> records, MonoSink<Void> done) {
    }

    TranscriptGroupCommit(RecordWriter writer, int maxRecords, MeterRegistry meters) {
        this.writer = writer;
        this.maxRecords = maxRecords;
        this.batchesPerTransaction = DistributionSummary.builder("offerpulse.ingest.transcript.group.batches")
                .description("Transcript batches committed together in one Kafka transaction")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    /** Completes once the transaction holding these records committed; fails (nothing written) if it did not. */
    Mono<Void> writeAll(List<OutboundRecord> records) {
        if (records.isEmpty()) {
            return Mono.empty();
        }
        return Mono.create(sink -> {
            queue.add(new Pending(records, sink));
            drain();
        });
    }

    private void drain() {
        while (!queue.isEmpty() && inFlight.compareAndSet(false, true)) {
            List<Pending> group = takeGroup();
            if (group.isEmpty()) {
                inFlight.set(false);
                continue;
            }
            List<OutboundRecord> all = new ArrayList<>();
            group.forEach(p -> all.addAll(p.records()));
            batchesPerTransaction.record(group.size());
            writer.writeAll(all).subscribe(null, error -> {
                group.forEach(p -> p.done().error(error));
                release();
            }, () -> {
                group.forEach(p -> p.done().success());
                release();
            });
            return;
        }
    }

    private List<Pending> takeGroup() {
        List<Pending> group = new ArrayList<>();
        int records = 0;
        Pending next;
        while ((next = queue.peek()) != null
                && (group.isEmpty() || records + next.records().size() <= maxRecords)) {
            queue.poll();
            group.add(next);
            records += next.records().size();
        }
        return group;
    }

    private void release() {
        inFlight.set(false);
        drain();
    }
}
