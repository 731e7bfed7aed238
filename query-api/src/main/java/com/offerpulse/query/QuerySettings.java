package com.offerpulse.query;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import com.offerpulse.query.views.UserRoundList;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Query API settings ({@code offerpulse.query.*}).
 *
 * @param applicationId     Kafka Streams application id shared by every query-api instance
 * @param stateDir          RocksDB state directory (one per instance); blank means {@code <java.io.tmpdir>/offerpulse-query}
 * @param advertisedHost    the host other instances use to reach this one ({@code application.server}); the port
 *                          is the HTTP port this instance bound
 * @param commitInterval    exactly-once commit interval: how stale a view may be after its input
 * @param standbyReplicas   warm copies of each store on other instances, queryable (marked stale) while the active
 *                          one is restoring
 * @param replicationFactor internal topics; -1 = broker default
 * @param retryAfter        what a 503 asks the client to wait while a store is rebalancing or restoring
 * @param forwardTimeout    bound on forwarding a request to the instance that owns the key
 * @param sessionTimeout    how soon the group notices a crashed instance and hands its partitions to another
 * @param roundsListed      rounds kept in a user's round list ({@code GET /api/user/sessions}, share snapshots),
 *                          newest first; older rounds keep their own views. Bounded so the list's record stays within
 *                          the views' 64 KiB record budget
 */
@Validated
@ConfigurationProperties("offerpulse.query")
public record QuerySettings(
        @DefaultValue("offerpulse-query") String applicationId,
        @DefaultValue("") String stateDir,
        @DefaultValue("127.0.0.1") String advertisedHost,
        @DefaultValue("50ms") Duration commitInterval,
        @DefaultValue("0") @Min(0) int standbyReplicas,
        @DefaultValue("-1") int replicationFactor,
        @DefaultValue("2s") Duration retryAfter,
        @DefaultValue("3s") Duration forwardTimeout,
        @DefaultValue("10s") Duration sessionTimeout,
        @DefaultValue("" + UserRoundList.DEFAULT_ROUNDS_LISTED) @Min(1) @Max(UserRoundList.MAX_ROUNDS_LISTED)
        int roundsListed) {

    public QuerySettings {
        // @DefaultValue does not resolve placeholders: a literal "${java.io.tmpdir}" became a relative path.
        stateDir = stateDir == null || stateDir.isBlank() ? System.getProperty("java.io.tmpdir") + "/offerpulse-query"
                : stateDir;
    }
}
