package com.offerpulse.contracts.auth;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** The HS256 shared secret: at least 256 bits, given as base64 or as plain text. */
public final class HmacSecret {
    public static final int MIN_BYTES = 32;
    private static final String PREFIX = "base64:";

    private HmacSecret() {
    }

    /**
     * Parses {@code base64:...} as base64, anything else as UTF-8 bytes. Fails fast on a short secret: a weak
     * HS256 key would let anyone forge tokens.
     */
    public static SecretKey parse(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("JWT secret is empty");
        }
        byte[] bytes = secret.startsWith(PREFIX)
                ? Base64.getDecoder().decode(secret.substring(PREFIX.length()).trim())
                : secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_BYTES) {
            throw new IllegalArgumentException("JWT secret must be at least " + MIN_BYTES + " bytes, was " + bytes.length);
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** A fresh random secret in the {@code base64:} form {@link #parse} reads. */
    public static String generate() {
        byte[] bytes = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(bytes);
        return PREFIX + Base64.getEncoder().encodeToString(bytes);
    }
}
