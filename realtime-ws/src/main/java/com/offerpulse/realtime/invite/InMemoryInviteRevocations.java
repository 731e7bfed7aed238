package com.offerpulse.realtime.invite;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

/** {@link InviteRevocations} in this process (rooms in-process: one instance), with the same bound and expiry. */
public final class InMemoryInviteRevocations implements InviteRevocations {
    private final Clock clock;
    private final Map<String, Round> rounds = new ConcurrentHashMap<>();

    public InMemoryInviteRevocations(Clock clock) {
        this.clock = clock;
    }

    private static final class Round {
        final Set<String> revoked = ConcurrentHashMap.newKeySet();
        Instant expiresAt;
    }

    @Override
    public Mono<Boolean> revoke(String sessionId, String inviteId, Duration ttl, int maxPerRound) {
        Instant now = clock.instant();
        rounds.values().removeIf(r -> !r.expiresAt.isAfter(now));
        boolean[] done = {false};
        rounds.compute(sessionId, (id, r) -> {
            Round round = r == null ? new Round() : r;
            if (round.revoked.contains(inviteId)) {
                done[0] = true;
            } else if (round.revoked.size() < maxPerRound) {
                round.revoked.add(inviteId);
                round.expiresAt = now.plus(ttl);
                done[0] = true;
            }
            return round.revoked.isEmpty() ? null : round;
        });
        return Mono.just(done[0]);
    }

    @Override
    public Mono<Boolean> isRevoked(String sessionId, String inviteId) {
        Round r = rounds.get(sessionId);
        return Mono.just(r != null && r.expiresAt.isAfter(clock.instant()) && r.revoked.contains(inviteId));
    }
}
