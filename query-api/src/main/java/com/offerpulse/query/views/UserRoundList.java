package com.offerpulse.query.views;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.offerpulse.contracts.analytics.SessionSummary;

/**
 * A user's rounds, newest first (store {@value QueryTopology#USER_ROUNDS_STORE}, key = user id). Bounded so that the
 * record stays within the views' record budget however many rounds a user plays: only the newest {@code maxRounds}
 * (the setting {@code offerpulse.query.rounds-listed}, at most {@value #MAX_ROUNDS_LISTED}) are kept; an older round
 * keeps its own view ({@code GET /api/sessions/{id}}) but leaves the list. Deleted round ids are remembered (the last
 * {@value #REMEMBERED_DELETIONS}) so a summary arriving after its deletion stays out.
 */
public record UserRoundList(String userId, List<RoundEntry> rounds, List<String> deletedSessionIds) {
    /**
     * The largest list the setting may ask for: {@value} entries of at most ~390 bytes (64-character session ids) plus
     * the remembered deletions make ~54 KB, under the 64 KiB record budget ({@code ViewRecordBudgetTest} checks it).
     */
    public static final int MAX_ROUNDS_LISTED = 120;
    /** The default of {@code offerpulse.query.rounds-listed}. */
    public static final int DEFAULT_ROUNDS_LISTED = 100;
    static final int REMEMBERED_DELETIONS = 100;
    static final Comparator<RoundEntry> NEWEST_FIRST = Comparator.comparing(RoundEntry::endedAt).reversed()
            .thenComparing(RoundEntry::sessionId);

    public UserRoundList {
        rounds = rounds == null ? List.of() : List.copyOf(rounds);
        deletedSessionIds = deletedSessionIds == null ? List.of() : List.copyOf(deletedSessionIds);
    }

    /** Adds (or replaces) a round, then keeps only the newest {@code maxRounds}. */
    UserRoundList with(SessionSummary summary, int maxRounds) {
        if (deletedSessionIds.contains(summary.sessionId())) {
            return this;
        }
        List<RoundEntry> next = new ArrayList<>(rounds);
        next.removeIf(r -> r.sessionId().equals(summary.sessionId()));
        next.add(RoundEntry.of(summary));
        next.sort(NEWEST_FIRST);
        return new UserRoundList(userId, next.subList(0, Math.min(next.size(), maxRounds)), deletedSessionIds);
    }

    UserRoundList without(String sessionId) {
        List<RoundEntry> next = new ArrayList<>(rounds);
        next.removeIf(r -> r.sessionId().equals(sessionId));
        List<String> deleted = new ArrayList<>(deletedSessionIds);
        if (!deleted.contains(sessionId)) {
            deleted.add(sessionId);
        }
        while (deleted.size() > REMEMBERED_DELETIONS) {
            deleted.remove(0);
        }
        return new UserRoundList(userId, next, deleted);
    }
}
