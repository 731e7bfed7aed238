package com.offerpulse.realtime.invite;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * Revoked viewer invites, per round, shared by every realtime instance (Redis) or kept in this process when rooms
 * are in-process. A revocation lives as long as an invite can (the invite TTL), so nothing outlives its purpose, and
 * one round holds at most {@code max-revoked-invites-per-round} of them.
 */
public interface InviteRevocations {

    /** Records the revocation; false when the round already holds its bound of revocations (nothing changed). */
    Mono<Boolean> revoke(String sessionId, String inviteId, Duration ttl, int maxPerRound);

    Mono<Boolean> isRevoked(String sessionId, String inviteId);
}
