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
 * @param maxConnectionsPerRoom sockets one room may hold on one instance; more are refused with 429
 * @param maxConnectionsPerUser sockets one user may hold on one instance; more are refused with 429
 * @param maxInboundMessage     a client message larger than this closes the socket with 1009
 * @param sendQueue             messages waiting for one slow socket; beyond (after coalescing meters) the socket
 *                              is closed (slow_consumer)
 * @param historySize           approximate length of each room's history stream (Redis MAXLEN ~)
 * @param roomTtl               room keys in Redis expire this long after the room's last message
 * @param inviteTtl             how long a viewer invite ({@code POST /api/sessions/{id}/invites}) stays valid
 * @param sessionTimeout        how soon the feed's consumer group notices a crashed instance and gives its partitions
 *                              to the others (Kafka's default is 45 s: the rooms it fed would get nothing that long)
 */
@Validated
@ConfigurationProperties("offerpulse.realtime")
public record RealtimeSettings(
        @DefaultValue("redis://127.0.0.1:6379") @NotBlank String redisUri,
        @DefaultValue("true") boolean redisFallback,
        @DefaultValue("offerpulse-realtime") @NotBlank String groupId,
        @DefaultValue("15s") Duration pingInterval,
        @DefaultValue("45s") Duration idleTimeout,
        @DefaultValue("20") @Min(1) int maxConnectionsPerRoom,
        @DefaultValue("10") @Min(1) int maxConnectionsPerUser,
        @DefaultValue("4KB") DataSize maxInboundMessage,
        @DefaultValue("256") @Min(2) int sendQueue,
        @DefaultValue("500") @Min(10) int historySize,
        @DefaultValue("24h") Duration roomTtl,
        @DefaultValue("2h") Duration inviteTtl,
        @DefaultValue("10s") Duration sessionTimeout) {
}
