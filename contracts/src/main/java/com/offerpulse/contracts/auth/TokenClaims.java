package com.offerpulse.contracts.auth;

/** Claim names of OfferPulse bearer tokens; {@code sub} is the user id. */
public final class TokenClaims {
    private TokenClaims() {
    }

    public static final String ROLES = "roles";
    public static final String USERNAME = "username";
    /** The embedded default's issuer and audience; production sets both to its provider's values. */
    public static final String ISSUER = "offerpulse";
    public static final String AUDIENCE = "offerpulse";
}
