package com.offerpulse.contracts.growth;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.offerpulse.contracts.json.Require;

/**
 * A share link's state on the compacted {@code share.snapshots.v1}, keyed by the SHA-256 of its token (the raw
 * token is never stored).
 */
public record ShareSnapshot(String tokenHash, String userId, ShareView view, Instant createdAt, Instant expiresAt,
        @JsonProperty(required = true) boolean revoked) {

    public ShareSnapshot {
        Require.notBlank(tokenHash, "token_hash");
        Require.notBlank(userId, "user_id");
        Require.present(view, "view");
        Require.present(createdAt, "created_at");
        Require.present(expiresAt, "expires_at");
    }
}
