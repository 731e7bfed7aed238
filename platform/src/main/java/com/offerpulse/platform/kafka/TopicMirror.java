package com.offerpulse.platform.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.offerpulse.platform.kafka.deadletter.DeadLetters;
import com.offerpulse.platform.problem.ApiProblem;

import reactor.core.publisher.Mono;

/**
 * Every record of one topic (all partitions, from the beginning, read_committed) handed to {@link #apply} on one
 * thread, for an in-memory copy that every instance holds in full. No consumer group: each instance reads everything.
 *
 * <p>{@link #caughtUp()} gives read-your-writes across instances: it completes once this mirror has read everything
 * any writer had been acknowledged for when it was called. The target is each partition's <em>high watermark</em>
 * at that moment, not its last stable offset: a producer's {@code commitTransaction()} returns before the commit
 * markers are written, so for a moment the last stable offset can still lie before a just-committed record. A
 * read_committed reader passes the high watermark only once every transaction below it has ended, which includes
 * the writer's. A crashed writer's open transaction holds it back until the transaction times out; callers then get
 * a 503 after {@code catchUpTimeout}, never a stale answer.
 */
public abstract class TopicMirror extends BackgroundConsumer {
    private static final Logger log = LoggerFactory.getLogger(TopicMirror.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final int FETCH_MAX_WAIT_MS = 20;
    private static final Duration MISSING_TOPIC_PAUSE = Duration.ofSeconds(1);

    private final String topic;
    private final Duration catchUpTimeout;
    private final Duration retryAfter;
    private final ConcurrentLinkedQueue<CompletableFuture<Void>> requests = new ConcurrentLinkedQueue<>();
    private volatile KafkaConsumer<String, byte[]> active;

    protected TopicMirror(KafkaSettings kafka, String topic, String threadName, Duration catchUpTimeout,
            Duration retryAfter) {
        this(kafka, topic, threadName, catchUpTimeout, retryAfter, null);
    }

    /** @param deadLetters where records {@link #apply} cannot use go; null logs their coordinates only */
    protected TopicMirror(KafkaSettings kafka, String topic, String threadName, Duration catchUpTimeout,
            Duration retryAfter, DeadLetters deadLetters) {
        super(kafka, threadName, deadLetters);
        this.topic = topic;
        this.catchUpTimeout = catchUpTimeout;
        this.retryAfter = retryAfter;
    }

    /** Called on the mirror's thread for every record, tombstones included, in offset order per partition. */
    protected abstract void apply(ConsumerRecord<String, byte[]> record);

    /**
     * Completes once everything acknowledged before this call has been applied; errors with a 503 {@link ApiProblem}
     * when that takes longer than {@code catchUpTimeout} (Kafka unreachable, a writer's transaction hanging).
     */
    public Mono<Void> caughtUp() {
        return Mono.defer(() -> {
            CompletableFuture<Void> done = new CompletableFuture<>();
            requests.add(done);
            KafkaConsumer<String, byte[]> c = active;
            if (c != null) {
                c.wakeup(); // don't wait out the current poll
            }
            return Mono.fromFuture(done);
        }).timeout(catchUpTimeout).onErrorMap(e -> !(e instanceof ApiProblem),
                e -> ApiProblem.unavailable("This data cannot be read right now; retry shortly.", retryAfter));
    }

    @Override
    protected final void consume(KafkaConsumer<String, byte[]> c) {
        Map<String, Object> adminProps = new HashMap<>(kafka.clientProperties());
        adminProps.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) kafka.requestTimeout().toMillis());
        adminProps.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) kafka.requestTimeout().toMillis());
        try (Admin admin = Admin.create(adminProps)) {
            active = c;
            List<TopicPartition> partitions = awaitPartitions(c, List.of(topic), MISSING_TOPIC_PAUSE,
                    () -> failPending(new TimeoutException(topic + " not readable yet")));
            c.assign(partitions);
            c.seekToBeginning(partitions);
            List<CompletableFuture<Void>> accepted = new ArrayList<>();
            List<Waiter> waiting = new ArrayList<>();
            while (running()) {
                try {
                    // Requests first: a wakeup lands here at once instead of after another full poll.
                    drain(accepted);
                    if (!accepted.isEmpty()) {
                        targets(admin, partitions, accepted, waiting);
                    }
                    completeCaughtUp(c, waiting);
                    applyEach(c.poll(POLL), this::apply);
                    completeCaughtUp(c, waiting);
                } catch (WakeupException e) {
                    if (!running()) {
                        throw e;
                    }
                    // A caller asked to catch up: go round again at once.
                }
            }
        } finally {
            active = null;
        }
    }

    /** Short broker-side fetch waits, so a caller waiting for commit markers is not held back by a long poll. */
    @Override
    protected void configure(Map<String, Object> properties) {
        properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_MAX_WAIT_MS);
    }

    @Override
    protected void onStopped() {
        failPending(new TimeoutException(topic + " mirror stopped"));
    }

    private void drain(List<CompletableFuture<Void>> into) {
        CompletableFuture<Void> f;
        while ((f = requests.poll()) != null) {
            into.add(f);
        }
    }

    /** One high-watermark lookup for every request that arrived since the last one. */
    private void targets(Admin admin, List<TopicPartition> partitions, List<CompletableFuture<Void>> accepted,
            List<Waiter> waiting) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
        try {
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets = admin
                    .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all()
                    .get(kafka.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, Long> ends = new HashMap<>();
            offsets.forEach((p, info) -> ends.put(p, info.offset()));
            accepted.forEach(f -> waiting.add(new Waiter(Map.copyOf(ends), f)));
        } catch (ExecutionException | TimeoutException e) {
            accepted.forEach(f -> f.completeExceptionally(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            accepted.forEach(f -> f.completeExceptionally(e));
        }
        accepted.clear();
    }

    private static void completeCaughtUp(KafkaConsumer<String, byte[]> c, List<Waiter> waiting) {
        for (Iterator<Waiter> it = waiting.iterator(); it.hasNext();) {
            Waiter w = it.next();
            boolean caughtUp = w.future().isDone() || w.targets().entrySet().stream()
                    .allMatch(e -> c.position(e.getKey()) >= e.getValue());
            if (caughtUp) {
                w.future().complete(null);
                it.remove();
            }
        }
    }

    private void failPending(Throwable cause) {
        CompletableFuture<Void> f;
        while ((f = requests.poll()) != null) {
            f.completeExceptionally(cause);
        }
    }

    private record Waiter(Map<TopicPartition, Long> targets, CompletableFuture<Void> future) {
    }
}
