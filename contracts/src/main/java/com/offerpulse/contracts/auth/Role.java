package com.offerpulse.contracts.auth;

import java.util.Locale;

/**
 * Roles carried in the token's {@code roles} claim. Every signed-in user is a candidate; analysts read KPIs; operators
 * see health details. Nobody grants themselves analyst or operator: they come from the identity provider or an
 * operator's command.
 */
public enum Role {
    CANDIDATE, ANALYST, OPERATOR;

    public String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
