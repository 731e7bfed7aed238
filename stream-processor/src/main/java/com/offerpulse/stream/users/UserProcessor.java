package com.offerpulse.stream.users;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import com.offerpulse.contracts.analytics.MeterChange;
import com.offerpulse.contracts.analytics.MeterValues;
import com.offerpulse.contracts.analytics.SessionSummary;
import com.offerpulse.contracts.analytics.UserOfferProbability;
import com.offerpulse.contracts.growth.ProductEvent;
import com.offerpulse.contracts.growth.ProductEventName;
import com.offerpulse.stream.OfferPulseTopology;
import com.offerpulse.stream.probability.OfferProbabilityModel;
import com.offerpulse.stream.probability.RoundResult;
import com.offerpulse.stream.rounds.RoundOutcome;

/**
 * Keyed by user id. For each ended round: the session score, the user's new offer probability from their recent
 * rounds, the round summary (before/after, what changed against the previous round, what to fix next) and the
 * {@code session_completed} product event. A round already counted is ignored (re-delivery).
 */
public final class UserProcessor implements Processor<String, RoundOutcome, String, UserOutput> {
    private final OfferProbabilityModel model;
    private final int recentRounds;
    private ProcessorContext<String, UserOutput> context;
    private KeyValueStore<String, UserRounds> store;

    public UserProcessor(OfferProbabilityModel model, int recentRounds) {
        this.model = model;
        this.recentRounds = recentRounds;
    }

    @Override
    public void init(ProcessorContext<String, UserOutput> context) {
        this.context = context;
        this.store = context.getStateStore(OfferPulseTopology.USER_STORE);
    }

    @Override
    public void process(Record<String, RoundOutcome> record) {
        RoundOutcome round = record.value();
        if (record.key() == null || round == null) {
            return;
        }
        String userId = record.key();
        UserRounds state = store.get(userId);
        if (state == null) {
            state = new UserRounds(userId, List.of(), null);
        }
        if (round.deleted()) {
            forget(userId, state, round, record.timestamp());
            return;
        }
        if (state.recent().stream().anyMatch(r -> r.sessionId().equals(round.sessionId()))) {
            return;
        }
        RoundResult previousRound = state.recent().isEmpty() ? null : state.recent().get(state.recent().size() - 1);
        double score = model.sessionScore(round.finalMeters(), round.sentenceCount());
        List<RoundResult> recent = new ArrayList<>(state.recent());
        recent.add(new RoundResult(round.sessionId(), round.finalMeters(), score, round.sentenceCount(),
                round.endedAt()));
        while (recent.size() > recentRounds) {
            recent.remove(0);
        }
        UserOfferProbability before = state.current();
        UserOfferProbability after = model.compute(userId, recent, before, round.endedAt());
        SessionSummary summary = new SessionSummary(round.sessionId(), userId, round.endReason(), round.finalMeters(),
                score, before == null ? null : before.offerProbability(), after.offerProbability(),
                model.roundDrivers(round.finalMeters(), round.sentenceCount()),
                changes(previousRound == null ? null : previousRound.meters(), round.finalMeters()),
                after.whatToFixNext(), round.sentenceCount(), round.endedAt());
        store.put(userId, new UserRounds(userId, recent, after));

        long ts = record.timestamp();
        context.forward(new Record<>(userId, new UserOutput.Summary(summary), ts));
        context.forward(new Record<>(userId, new UserOutput.Probability(after), ts));
        context.forward(new Record<>(userId, new UserOutput.Event(new ProductEvent(round.sessionId() + ":completed",
                ProductEventName.SESSION_COMPLETED, null, userId, round.sessionId(),
                Map.of("end_reason", round.endReason().name().toLowerCase(java.util.Locale.ROOT)), round.endedAt())),
                ts));
    }

    /**
     * Drops a deleted round and recomputes the view from the rounds that remain; with none left the compacted view
     * gets a tombstone. "Previous" is recomputed from all but the newest remaining round, so the delta stays honest.
     */
    private void forget(String userId, UserRounds state, RoundOutcome deletion, long ts) {
        if (state.recent().stream().noneMatch(r -> r.sessionId().equals(deletion.sessionId()))) {
            return;
        }
        List<RoundResult> remaining = new ArrayList<>(state.recent());
        remaining.removeIf(r -> r.sessionId().equals(deletion.sessionId()));
        if (remaining.isEmpty()) {
            store.put(userId, new UserRounds(userId, List.of(), null));
            context.forward(new Record<>(userId, new UserOutput.Probability(null), ts));
            return;
        }
        UserOfferProbability previous = remaining.size() < 2 ? null
                : model.compute(userId, remaining.subList(0, remaining.size() - 1), null,
                        remaining.get(remaining.size() - 2).endedAt());
        UserOfferProbability view = model.compute(userId, remaining, previous, deletion.endedAt());
        store.put(userId, new UserRounds(userId, remaining, view));
        context.forward(new Record<>(userId, new UserOutput.Probability(view), ts));
    }

    /** Meter by meter against the previous round; before and delta are null on a first round. */
    static List<MeterChange> changes(MeterValues previous, MeterValues now) {
        int[] after = {now.credibility(), now.starStructure(), now.confidenceStability(), now.impactStrength(),
                now.riskDrift()};
        int[] prior = previous == null ? null : new int[] {previous.credibility(), previous.starStructure(),
                previous.confidenceStability(), previous.impactStrength(), previous.riskDrift()};
        List<MeterChange> out = new ArrayList<>(OfferPulseTopology.METER_NAMES.size());
        for (int i = 0; i < after.length; i++) {
            out.add(new MeterChange(OfferPulseTopology.METER_NAMES.get(i), prior == null ? null : prior[i], after[i],
                    prior == null ? null : after[i] - prior[i]));
        }
        return out;
    }
}
