package com.offerpulse.contracts.auth;

/** Claim names of OfferPulse bearer tokens; {@code sub} is the user id. */
public final class TokenClaims {
    private TokenClaims() {
    }

    public static final String ROLES = "roles";
    public static final String USERNAME = "username";
    public static final String ISSUER = "offerpulse";
}
