package com.offerpulse.stream.rounds;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import com.offerpulse.contracts.session.EndReason;
import com.offerpulse.contracts.session.SessionDeleted;
import com.offerpulse.contracts.session.SessionEnded;
import com.offerpulse.contracts.session.SessionLifecycleEvent;
import com.offerpulse.contracts.session.SessionStarted;
import com.offerpulse.stream.OfferPulseTopology;

import io.micrometer.core.instrument.Metrics;

/**
 * Keyed by session id. Applies segments and lifecycle events through the {@link RoundEngine}, keeps each round's
 * state in {@value OfferPulseTopology#ROUND_STORE}, and on a wall-clock schedule ends inactive rounds (reason
 * timeout) and forgets ended ones after their retention.
 */
public final class RoundProcessor implements Processor<String, RoundInput, String, RoundOutput> {
    /**
     * Input cut or dropped at a round bound, tagged {@code bound} ({@link RoundEngine.CutKind}). On Micrometer's global
     * registry, which Spring Boot joins to its own, because the topology is also built without Spring (replay, tests).
     */
    public static final String CUTS = "offerpulse.round.cuts";
    private final RoundEngine engine;
    private final Duration inactivityTimeout;
    private final Duration scanInterval;
    private final Duration endedRetention;
    private ProcessorContext<String, RoundOutput> context;
    private KeyValueStore<String, RoundState> store;

    public RoundProcessor(RoundEngine engine, Duration inactivityTimeout, Duration scanInterval,
            Duration endedRetention) {
        this.engine = engine;
        this.inactivityTimeout = inactivityTimeout;
        this.scanInterval = scanInterval;
        this.endedRetention = endedRetention;
    }

    @Override
    public void init(ProcessorContext<String, RoundOutput> context) {
        this.context = context;
        this.store = context.getStateStore(OfferPulseTopology.ROUND_STORE);
        context.schedule(scanInterval, PunctuationType.WALL_CLOCK_TIME, this::scan);
    }

    @Override
    public void process(Record<String, RoundInput> record) {
        String sessionId = record.key();
        RoundInput input = record.value();
        if (sessionId == null || input == null) {
            return;
        }
        RoundState state = store.get(sessionId);
        long wall = context.currentSystemTimeMs();
        RoundEngine.Step step;
        if (input.segment() != null) {
            step = engine.onSegment(state, input.segment(), wall);
        } else {
            step = onLifecycle(state, input.lifecycle(), wall);
        }
        apply(sessionId, step, record.timestamp());
    }

    private RoundEngine.Step onLifecycle(RoundState state, SessionLifecycleEvent event, long wall) {
        if (event instanceof SessionDeleted deleted) {
            return engine.onDelete(state, deleted.sessionId(), deleted.userId(), deleted.occurredAt(), wall);
        }
        if (event instanceof SessionEnded ended) {
            return engine.onEnd(state, ended.sessionId(), ended.userId(), ended.reason(), ended.occurredAt(), wall);
        }
        if (event instanceof SessionStarted started && state == null) {
            RoundState open = RoundState.open(started.sessionId(), started.userId());
            return new RoundEngine.Step(open.withActivity(wall), List.of());
        }
        return new RoundEngine.Step(null, List.of());
    }

    private void apply(String sessionId, RoundEngine.Step step, long timestamp) {
        for (RoundEngine.CutKind cut : step.cuts()) {
            Metrics.counter(CUTS, "bound", cut.name().toLowerCase(java.util.Locale.ROOT)).increment();
        }
        if (step.state() != null) {
            store.put(sessionId, step.state());
        }
        for (RoundOutput out : step.outputs()) {
            String key = out instanceof RoundOutput.Closed closed ? closed.value().userId() : sessionId;
            context.forward(new Record<>(key, out, timestamp));
        }
    }

    /** Wall-clock punctuation: end inactive rounds, drop long-ended ones. */
    private void scan(long now) {
        List<KeyValue<String, RoundState>> due = new ArrayList<>();
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, RoundState> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, RoundState> kv = it.next();
                RoundState s = kv.value;
                if (s.status() == RoundStatus.OPEN && s.lastActivityWallMs() + inactivityTimeout.toMillis() <= now) {
                    due.add(kv);
                } else if (s.status() != RoundStatus.OPEN && s.endedWallMs() + endedRetention.toMillis() <= now) {
                    expired.add(kv.key);
                }
            }
        }
        for (KeyValue<String, RoundState> kv : due) {
            RoundState s = kv.value;
            // Event time of the end is the last thing the candidate said, so a replay gives the same summary.
            java.time.Instant endedAt = s.lastSourceTime() != null ? s.lastSourceTime()
                    : java.time.Instant.ofEpochMilli(now);
            RoundEngine.Step step = engine.onEnd(s, s.sessionId(), s.userId(), EndReason.TIMEOUT, endedAt, now);
            List<RoundOutput> outputs = new ArrayList<>(step.outputs());
            outputs.add(0, new RoundOutput.Timeout(new SessionEnded(s.sessionId() + ":timeout", s.sessionId(),
                    s.userId(), EndReason.TIMEOUT, endedAt)));
            apply(kv.key, new RoundEngine.Step(step.state(), outputs), endedAt.toEpochMilli());
        }
        expired.forEach(store::delete);
    }
}
