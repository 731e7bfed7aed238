package com.offerpulse.ingest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import com.offerpulse.contracts.transcript.TranscriptSegment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Ingest API settings ({@code offerpulse.ingest.*}). Every bound one user's input meets is here, with its default;
 * docs/notes-ingest.md lists them with what the client sees. Per-key state (rounds, users, addresses, anonymous ids)
 * is kept per instance and capped by {@code maxTrackedKeys} / {@code maxTrackedRounds}.
 *
 * @param maxSegmentsPerBatch          a transcript batch holds at most this many segments (400 beyond; the contract's
 *                                     hard ceiling is 500)
 * @param maxCharactersPerSegment      characters per segment (400 beyond; the contract's ceiling is 2,000)
 * @param userCharactersPerSecond      transcript characters one user may send per second, sustained, across all their
 *                                     rounds and sockets (speech is about 15 a second; 429 beyond): one user's input
 *                                     can never build a backlog ahead of everybody else's in the stream processor
 * @param userCharactersBurst          characters a user may send at once before that rate applies (a whole round)
 * @param maxSegmentsPerRound          segments one round may receive through this instance (422 for a batch that
 *                                     would go past); the stream processor cuts at the same figure
 * @param maxCharactersPerRound        characters one round may receive (about an hour of speech; 422 past it)
 * @param maxRoundDuration             a round takes segments this long after it started, then it is over (409)
 * @param roundInactivityTimeout       the stream processor's inactivity timeout, mirrored here only to tell a client
 *                                     when an abandoned round will stop counting as open (Retry-After)
 * @param maxOpenRoundsPerUser         open rounds per user; one more {@code POST /api/sessions} → 429
 * @param roundStartsPerMinute         rounds a user may start per minute (429 beyond)
 * @param maxSocketsPerUser            open {@code WS /ws/ingest/*} per user and instance (the handshake gets 429)
 * @param socketIdleTimeout            an ingest socket with no message for this long is closed (4408)
 * @param transactionalIdPrefix        Kafka transactional id prefix; give each instance a stable, unique one in
 *                                     production so a restarted instance fences its own unfinished transactions.
 *                                     Blank: a random one per process
 * @param eventsPerSecond              sustained product events per client (address when anonymous, user when
 *                                     signed in)
 * @param eventsBurst                  how many events a client may send at once before the rate applies
 * @param anonymousIdsPerClient        distinct {@code anonymous_id}s one client (address or user) may bring per
 *                                     {@code anonymousIdWindow}; events with a further new id → 429
 * @param anonymousIdWindow            the window of the bound above
 * @param eventsPerAnonymousIdPerMinute product events per anonymous id per minute (all at once if it likes)
 * @param maxTrackedKeys               each per-key limiter (users, addresses, anonymous ids) keeps at most this many
 *                                     keys, least recently used dropped first
 * @param maxTrackedRounds             the per-round ledger keeps at most this many rounds, oldest dropped first
 */
@Validated
@ConfigurationProperties("offerpulse.ingest")
public record IngestSettings(
        @DefaultValue("500") @Min(1) @Max(500) int maxSegmentsPerBatch,
        @DefaultValue("2000") @Min(1) @Max(TranscriptSegment.MAX_TEXT_LENGTH) int maxCharactersPerSegment,
        @DefaultValue("500") @Min(1) double userCharactersPerSecond,
        @DefaultValue("60000") @Min(1) int userCharactersBurst,
        @DefaultValue("2000") @Min(1) int maxSegmentsPerRound,
        @DefaultValue("60000") @Min(1) long maxCharactersPerRound,
        @DefaultValue("30m") @NotNull Duration maxRoundDuration,
        @DefaultValue("10m") @NotNull Duration roundInactivityTimeout,
        @DefaultValue("5") @Min(1) int maxOpenRoundsPerUser,
        @DefaultValue("10") @Min(1) int roundStartsPerMinute,
        @DefaultValue("5") @Min(1) int maxSocketsPerUser,
        @DefaultValue("5m") @NotNull Duration socketIdleTimeout,
        @DefaultValue("") String transactionalIdPrefix,
        @DefaultValue("5") @Min(1) double eventsPerSecond,
        @DefaultValue("20") @Min(1) int eventsBurst,
        @DefaultValue("20") @Min(1) int anonymousIdsPerClient,
        @DefaultValue("1h") @NotNull Duration anonymousIdWindow,
        @DefaultValue("30") @Min(1) int eventsPerAnonymousIdPerMinute,
        @DefaultValue("100000") @Min(1) int maxTrackedKeys,
        @DefaultValue("100000") @Min(1) int maxTrackedRounds) {
}
