package com.offerpulse.query.views;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.offerpulse.contracts.analytics.SessionSummary;

/**
 * A user's rounds, newest first (store {@value QueryTopology#USER_ROUNDS_STORE}, key = user id). Deleted round ids
 * are remembered (the last {@value #REMEMBERED_DELETIONS}) so a summary arriving after its deletion stays out.
 */
public record UserRoundList(String userId, List<RoundEntry> rounds, List<String> deletedSessionIds) {
    static final int REMEMBERED_DELETIONS = 200;
    static final Comparator<RoundEntry> NEWEST_FIRST = Comparator.comparing(RoundEntry::endedAt).reversed()
            .thenComparing(RoundEntry::sessionId);

    public UserRoundList {
        rounds = rounds == null ? List.of() : List.copyOf(rounds);
        deletedSessionIds = deletedSessionIds == null ? List.of() : List.copyOf(deletedSessionIds);
    }

    UserRoundList with(SessionSummary summary) {
        if (deletedSessionIds.contains(summary.sessionId())) {
            return this;
        }
        List<RoundEntry> next = new ArrayList<>(rounds);
        next.removeIf(r -> r.sessionId().equals(summary.sessionId()));
        next.add(RoundEntry.of(summary));
        next.sort(NEWEST_FIRST);
        return new UserRoundList(userId, next, deletedSessionIds);
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
