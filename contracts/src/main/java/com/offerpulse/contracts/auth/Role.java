package com.offerpulse.contracts.auth;

import java.util.Locale;

/** Roles carried in the token's {@code roles} claim. Every signed-in user is a candidate. */
public enum Role {
    CANDIDATE, ANALYST;

    public String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
