package com.offerpulse.realtime;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * Realtime rooms settings ({@code offerpulse.realtime.*}); docs/REALTIME.md lists them with their defaults.
 *
 * @param redisUri              Redis for room state (seq, epoch, snapshot, history) and cross-instance pub/sub
 * @param redisFallback         when Redis cannot be reached at start: true = keep rooms in this process only (the
 *                              embedded default), false = fail start-up
 * @param groupId               the Kafka consumer group that feeds rooms; one per deployment, shared by instances
 * @param pingInterval          a ping frame is sent this often
 * @param idleTimeout           a socket that sent nothing (no pong either) for this long is closed (idle_timeout)
 * @param maxConnectionsPerRoom sockets one room may hold on one instance; more are refused with 429. Invited viewers
 *                              may hold at most this minus one, so the owner always has a slot
 * @param maxConnectionsPerUser sockets one user may hold on one instance; more are refused with 429
 * @param maxInboundMessage     a client message larger than this closes the socket with 1009
 * @param sendQueue             messages waiting for one slow socket; beyond (after coalescing meters) the socket
 *                              is closed (slow_consumer)
 * @param maxConnectionsPerInvite sockets one viewer invite may hold on one instance (whoever presents it); more
 *                              are refused with 429
 * @param historySize           length of each room's history (Redis stream MAXLEN, exact)
 * @param maxSentencesPerRoom   sentences a room keeps for its join snapshot; one beyond is dropped (not stored, not
 *                              sent). Keep it at least the stream processor's sentences-per-round bound
 * @param maxRevokedInvitesPerRound invite revocations one round may hold; more answer 429 (a hostile owner cannot
 *                              fill Redis with revocations of made-up ids)
 * @param roomTtl               room keys in Redis expire this long after the room's last message
 * @param inviteTtl             how long a viewer invite ({@code POST /api/sessions/{id}/invites}) stays valid
 * @param sessionTimeout        how soon the feed's consumer group notices a crashed instance and gives its partitions
 *                              to the others (Kafka's default is 45 s: the rooms it fed would get nothing that long)
 */
@Validated
@ConfigurationProperties("offerpulse.realtime")
public record RealtimeSettings(
        @DefaultValue("redis://127.0.0.1:6379") @NotBlank String redisUri,
        @DefaultValue("false") boolean redisFallback,
        @DefaultValue("offerpulse-realtime") @NotBlank String groupId,
        @DefaultValue("15s") Duration pingInterval,
        @DefaultValue("45s") Duration idleTimeout,
        @DefaultValue("20") @Min(1) int maxConnectionsPerRoom,
        @DefaultValue("10") @Min(1) int maxConnectionsPerUser,
        @DefaultValue("" + DEFAULT_MAX_CONNECTIONS_PER_INVITE) @Min(1) int maxConnectionsPerInvite,
        @DefaultValue("4KB") DataSize maxInboundMessage,
        @DefaultValue("256") @Min(2) int sendQueue,
        @DefaultValue("500") @Min(10) int historySize,
        @DefaultValue("" + DEFAULT_MAX_SENTENCES_PER_ROOM) @Min(1) int maxSentencesPerRoom,
        @DefaultValue("" + DEFAULT_MAX_REVOKED_INVITES_PER_ROUND) @Min(1) int maxRevokedInvitesPerRound,
        @DefaultValue("24h") Duration roomTtl,
        @DefaultValue("2h") Duration inviteTtl,
        @DefaultValue("10s") Duration sessionTimeout) {
    /** Centrifugo-like per-credential bound: a shared invite link cannot fill a room. */
    public static final int DEFAULT_MAX_CONNECTIONS_PER_INVITE = 3;
    /** The stream processor's default sentences-per-round bound: a room never needs more. */
    public static final int DEFAULT_MAX_SENTENCES_PER_ROOM = 400;
    public static final int DEFAULT_MAX_REVOKED_INVITES_PER_ROUND = 50;
}
