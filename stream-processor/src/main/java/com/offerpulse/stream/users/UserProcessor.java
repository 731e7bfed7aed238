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
import com.offerpulse.stream.meters.MeterHints;
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
            state = new UserRounds(userId, List.of(), null, 0);
        }
        if (round.deleted()) {
            forget(userId, state, round, record.timestamp());
            return;
        }
        if (state.recent().stream().anyMatch(r -> r.sessionId().equals(round.sessionId()))) {
            return;
        }
        if (round.notEnglish()) {
            notScored(userId, state, round, record.timestamp());
            return;
        }
        double score = model.sessionScore(round.finalMeters(), round.sentenceCount());
        RoundResult result = new RoundResult(round.sessionId(), round.finalMeters(), score, round.sentenceCount(),
                round.endedAt());
        List<RoundResult> recent = new ArrayList<>(state.recent());
        recent.add(result);
        // Rounds are kept in the order they ended, not the order they arrived: outcomes of one user come from
        // different session partitions, and a replay may interleave them differently.
        recent.sort(ENDED_ORDER);
        while (recent.size() > recentRounds) {
            recent.remove(0);
        }
        int roundsSeen = state.roundsSeen() + 1;

        // The round's own before/after: the user's rounds that had ended before it, and with it. A round that ended
        // before every kept round (it arrived late, e.g. ended by the inactivity timeout after newer rounds ended)
        // was just trimmed from the window: it is judged on its own instead of failing the task for every user.
        List<RoundResult> upToThis = recent.stream().anyMatch(r -> r == result)
                ? recent.stream().filter(r -> ENDED_ORDER.compare(r, result) <= 0).toList()
                : List.of(result);
        List<RoundResult> earlier = upToThis.subList(0, upToThis.size() - 1);
        RoundResult previousRound = earlier.isEmpty() ? null : earlier.get(earlier.size() - 1);
        Double before = earlier.isEmpty() ? null
                : model.compute(userId, earlier, null, previousRound.endedAt()).offerProbability();
        UserOfferProbability atThisRound = model.compute(userId, upToThis, null, round.endedAt());
        SessionSummary summary = new SessionSummary(round.sessionId(), userId, round.endReason(), round.finalMeters(),
                score, before, atThisRound.offerProbability(),
                model.roundDrivers(round.finalMeters(), round.sentenceCount()),
                changes(previousRound == null ? null : previousRound.meters(), round.finalMeters()),
                roundAdvice(userId, result), round.sentenceCount(), round.endedAt());
        UserOfferProbability view = view(userId, recent, roundsSeen);
        store.put(userId, new UserRounds(userId, recent, view, roundsSeen));

        long ts = record.timestamp();
        context.forward(new Record<>(userId, new UserOutput.Summary(summary), ts));
        context.forward(new Record<>(userId, new UserOutput.Probability(view), ts));
        context.forward(new Record<>(userId, new UserOutput.Event(new ProductEvent(round.sessionId() + ":completed",
                ProductEventName.SESSION_COMPLETED, null, userId, round.sessionId(),
                Map.of("end_reason", round.endReason().name().toLowerCase(java.util.Locale.ROOT)), round.endedAt())),
                ts));
    }

    /**
     * The user's view from their recent rounds in end order, a function of the set of rounds only (so a replay that
     * delivers them in another order ends with the same bytes); {@code sessions_count} counts every round kept.
     */
    private UserOfferProbability view(String userId, List<RoundResult> sorted, int roundsSeen) {
        UserOfferProbability v = model.compute(userId, sorted, null, sorted.get(sorted.size() - 1).endedAt());
        if (v.sessionsCount() == roundsSeen) {
            return v;
        }
        return new UserOfferProbability(v.userId(), v.offerProbability(), v.confidenceBand(), v.driversPositive(),
                v.driversNegative(), v.deltaVsLastSession(), v.whatToFixNext(), roundsSeen, v.dataSufficiency(),
                v.updatedAt());
    }

    /**
     * The round card's advice: from this round alone (issue 14: blending earlier rounds in told a candidate who had
     * just given seven quantified sentences to "end with a measurable result"). A meter this round already has
     * strong is never advised; the dashboard's advice (the view's what_to_fix_next) reads the recent rounds.
     */
    private List<String> roundAdvice(String userId, RoundResult result) {
        return model.compute(userId, List.of(result), null, result.endedAt()).whatToFixNext();
    }

    /**
     * A round that was not in English is not scored (docs/OFFER_PROBABILITY.md, "Rounds not in English"): its summary
     * has session score 0, no drivers, offer probability after = before (the population prior when there is no
     * earlier round) and the one line of advice that says why; the user's rounds and view are unchanged.
     */
    private void notScored(String userId, UserRounds state, RoundOutcome round, long ts) {
        Double before = state.current() == null ? null : state.current().offerProbability();
        double after = before == null ? OfferProbabilityModel.priorProbability() : before;
        SessionSummary summary = new SessionSummary(round.sessionId(), userId, round.endReason(), round.finalMeters(),
                0.0, before, after, List.of(), changes(null, round.finalMeters()),
                List.of(MeterHints.Hint.NOT_ENGLISH.text()), round.sentenceCount(), round.endedAt());
        context.forward(new Record<>(userId, new UserOutput.Summary(summary), ts));
        context.forward(new Record<>(userId, new UserOutput.Event(new ProductEvent(round.sessionId() + ":completed",
                ProductEventName.SESSION_COMPLETED, null, userId, round.sessionId(),
                Map.of("end_reason", round.endReason().name().toLowerCase(java.util.Locale.ROOT)), round.endedAt())),
                ts));
    }

    /**
     * Drops a deleted round and recomputes the view from the rounds that remain; with none left the compacted view
     * gets a tombstone.
     */
    private void forget(String userId, UserRounds state, RoundOutcome deletion, long ts) {
        if (state.recent().stream().noneMatch(r -> r.sessionId().equals(deletion.sessionId()))) {
            return;
        }
        List<RoundResult> remaining = new ArrayList<>(state.recent());
        remaining.removeIf(r -> r.sessionId().equals(deletion.sessionId()));
        int roundsSeen = Math.max(remaining.size(), state.roundsSeen() - 1);
        if (remaining.isEmpty()) {
            store.put(userId, new UserRounds(userId, List.of(), null, 0));
            context.forward(new Record<>(userId, new UserOutput.Probability(null), ts));
            return;
        }
        UserOfferProbability view = view(userId, remaining, roundsSeen);
        store.put(userId, new UserRounds(userId, remaining, view, roundsSeen));
        context.forward(new Record<>(userId, new UserOutput.Probability(view), ts));
    }

    private static final java.util.Comparator<RoundResult> ENDED_ORDER = java.util.Comparator
            .comparing(RoundResult::endedAt).thenComparing(RoundResult::sessionId);

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
