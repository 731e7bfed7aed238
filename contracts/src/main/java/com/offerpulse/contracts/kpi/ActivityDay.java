package com.offerpulse.contracts.kpi;

import java.time.LocalDate;
import java.util.List;

import com.offerpulse.contracts.json.ContractViolation;
import com.offerpulse.contracts.json.Require;

/**
 * One UTC day on which a user was active: the rounds they completed that day (session ids, sorted) with the first
 * and last of them, both null on a day with activity but no completed round.
 */
public record ActivityDay(LocalDate day, List<String> sessionIds, RoundMark firstRound, RoundMark lastRound) {

    public ActivityDay {
        Require.present(day, "day");
        sessionIds = List.copyOf(Require.present(sessionIds, "session_ids")).stream().sorted().toList();
        if (sessionIds.isEmpty() != (firstRound == null) || sessionIds.isEmpty() != (lastRound == null)) {
            throw new ContractViolation("first_round", "and last_round are set exactly when the day has rounds");
        }
    }

    public static ActivityDay activeOnly(LocalDate day) {
        return new ActivityDay(day, List.of(), null, null);
    }

    public int roundsCompleted() {
        return sessionIds.size();
    }

    public boolean counted(String sessionId) {
        return sessionIds.contains(sessionId);
    }

    /** This day with one more round; the caller has checked it is not counted yet. */
    public ActivityDay withRound(RoundMark round) {
        List<String> ids = new java.util.ArrayList<>(sessionIds);
        ids.add(round.sessionId());
        RoundMark first = firstRound == null || RoundMark.ENDED_ORDER.compare(round, firstRound) < 0 ? round : firstRound;
        RoundMark last = lastRound == null || RoundMark.ENDED_ORDER.compare(round, lastRound) > 0 ? round : lastRound;
        return new ActivityDay(day, ids, first, last);
    }
}
