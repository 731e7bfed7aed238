package com.offerpulse.platform.sessions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.contracts.session.SessionDeleted;
import com.offerpulse.contracts.session.SessionEnded;
import com.offerpulse.contracts.session.SessionLifecycleEvent;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.platform.kafka.BackgroundConsumer;
import com.offerpulse.platform.kafka.KafkaSettings;
import com.offerpulse.platform.kafka.deadletter.DeadLetters;
import com.offerpulse.platform.problem.ApiProblem;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * Reads {@code session.lifecycle.v1} (read_committed, every partition, from the beginning) on one thread into an
 * in-memory map. Not a consumer group: every instance reads everything, so any instance can check ownership.
 * Lookups that miss ask the thread to catch up to the partitions' current end offsets first.
 */
public final class KafkaSessionDirectory extends BackgroundConsumer implements SessionDirectory {
    /** A missing topic answers at once: ask again soon, but not in a tight loop. */
    private static final Duration MISSING_TOPIC_PAUSE = Duration.ofMillis(100);
    private static final Logger log = LoggerFactory.getLogger(KafkaSessionDirectory.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final Duration catchUpTimeout;
    private final Map<String, SessionRecord> sessions = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<CompletableFuture<Void>> syncRequests = new ConcurrentLinkedQueue<>();

    public KafkaSessionDirectory(KafkaSettings kafka, Duration catchUpTimeout, MeterRegistry meters,
            DeadLetters deadLetters) {
        super(kafka, "session-directory", deadLetters);
        this.catchUpTimeout = catchUpTimeout;
        Gauge.builder("offerpulse.session.directory.sessions", sessions, Map::size)
                .description("Rounds known to this instance").register(meters);
    }

    @Override
    public Mono<Optional<SessionRecord>> find(String sessionId) {
        SessionRecord known = sessions.get(sessionId);
        if (known != null) {
            return Mono.just(Optional.of(known));
        }
        CompletableFuture<Void> caughtUp = new CompletableFuture<>();
        syncRequests.add(caughtUp);
        return Mono.fromFuture(caughtUp)
                .timeout(catchUpTimeout)
                .onErrorMap(e -> ApiProblem.unavailable("Session state is not readable right now; retry shortly.",
                        Duration.ofSeconds(2)))
                .then(Mono.fromSupplier(() -> Optional.ofNullable(sessions.get(sessionId))));
    }

    @Override
    public void remember(SessionRecord record) {
        sessions.merge(record.sessionId(), record, KafkaSessionDirectory::later);
    }

    /** Status only moves forward (OPEN → ENDED → DELETED), whichever order the two paths apply it in. */
    private static SessionRecord later(SessionRecord a, SessionRecord b) {
        return b.status().ordinal() >= a.status().ordinal() ? b : a;
    }

    void apply(SessionLifecycleEvent event) {
        SessionStatus status;
        if (event instanceof SessionEnded) {
            status = SessionStatus.ENDED;
        } else if (event instanceof SessionDeleted) {
            status = SessionStatus.DELETED;
        } else {
            status = SessionStatus.OPEN;
        }
        remember(new SessionRecord(event.sessionId(), event.userId(), status));
    }

    @Override
    protected void consume(KafkaConsumer<String, byte[]> c) {
        List<TopicPartition> partitions = awaitPartitions(c, List.of(Topics.SESSION_LIFECYCLE.name()), MISSING_TOPIC_PAUSE,
                this::failPendingRequests);
        c.assign(partitions);
        c.seekToBeginning(partitions);
        List<Waiter> waiting = new ArrayList<>();
        while (running()) {
            applyEach(c.poll(POLL), this::applyRecord);
            acceptSyncRequests(c, partitions, waiting);
            completeCaughtUp(c, waiting);
        }
    }

    @Override
    protected void onStopped() {
        syncRequests.forEach(f -> f.completeExceptionally(new TimeoutException("directory stopped")));
    }

    private void failPendingRequests() {
        CompletableFuture<Void> f;
        while ((f = syncRequests.poll()) != null) {
            f.completeExceptionally(new TimeoutException("session topic not readable yet"));
        }
    }

    private void applyRecord(ConsumerRecord<String, byte[]> record) {
        if (record.value() != null) {
            apply(JsonCodec.decode(record.value(), SessionLifecycleEvent.class));
        }
    }

    private void acceptSyncRequests(KafkaConsumer<String, byte[]> c, List<TopicPartition> partitions,
            List<Waiter> waiting) {
        if (syncRequests.isEmpty()) {
            return;
        }
        List<CompletableFuture<Void>> batch = new ArrayList<>();
        CompletableFuture<Void> f;
        while ((f = syncRequests.poll()) != null) {
            batch.add(f);
        }
        try {
            // With read_committed these are the last stable offsets: everything acknowledged so far.
            Map<TopicPartition, Long> ends = c.endOffsets(partitions, kafka.requestTimeout());
            batch.forEach(future -> waiting.add(new Waiter(ends, future)));
        } catch (RuntimeException e) {
            batch.forEach(future -> future.completeExceptionally(e));
        }
    }

    private static void completeCaughtUp(KafkaConsumer<String, byte[]> c, List<Waiter> waiting) {
        for (Iterator<Waiter> it = waiting.iterator(); it.hasNext();) {
            Waiter w = it.next();
            boolean caughtUp = w.targets().entrySet().stream()
                    .allMatch(e -> c.position(e.getKey()) >= e.getValue());
            if (caughtUp || w.future().isDone()) {
                w.future().complete(null);
                it.remove();
            }
        }
    }

    private record Waiter(Map<TopicPartition, Long> targets, CompletableFuture<Void> future) {
    }
}
