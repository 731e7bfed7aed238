package com.offerpulse.ingest.sessions;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Round ids: 128 random bits, unguessable, URL-safe. */
final class SessionIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private SessionIds() {
    }

    static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "s_" + HexFormat.of().formatHex(bytes);
    }
}
