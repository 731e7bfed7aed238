package com.offerpulse.launcher.admin;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import com.nimbusds.jose.jwk.ECKey;
import com.offerpulse.contracts.auth.IssuedToken;
import com.offerpulse.contracts.auth.Role;
import com.offerpulse.contracts.auth.TokenClaims;
import com.offerpulse.contracts.auth.TokenIssuer;
import com.offerpulse.platform.security.SigningKeyFile;

/**
 * The operator's way to hand a role to a user on the embedded default until the embedded provider keeps grants
 * as events: signs a token for that user id with that role, using the signing key in the data directory. Only
 * someone who can read the key file (0600, the launcher's own user) can run it, so no HTTP caller can grant
 * themselves anything. Picocli-free so the admin CLI can call {@link #issue} directly.
 *
 * <pre>java -cp offerpulse-launcher.jar -Dloader.main=com.offerpulse.launcher.admin.RoleToken
 *     org.springframework.boot.loader.launch.PropertiesLauncher analyst u_1234 [data-dir] [hours]</pre>
 */
public final class RoleToken {
    /** How long an operator-issued token lasts unless told otherwise. */
    public static final Duration DEFAULT_TTL = Duration.ofHours(12);

    private RoleToken() {
    }

    public static IssuedToken issue(Path dataDir, Role role, String userId, Duration ttl, Clock clock) {
        if (userId == null || !userId.matches("[A-Za-z0-9_.@+-]{1,128}")) {
            throw new IllegalArgumentException("Not a user id: " + userId);
        }
        ECKey key = SigningKeyFile.read(dataDir.resolve("signing-key.jwk"));
        Set<Role> roles = EnumSet.of(Role.CANDIDATE, role);
        return new TokenIssuer(key, TokenClaims.ISSUER, TokenClaims.AUDIENCE).issue(userId, userId, roles, ttl,
                clock.instant());
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: RoleToken <analyst|operator> <user-id> [data-dir] [hours]");
            System.exit(2);
        }
        try {
            Role role = Role.valueOf(args[0].toUpperCase(Locale.ROOT));
            if (role == Role.CANDIDATE) {
                throw new IllegalArgumentException("candidate is every signed-in user's role; grant analyst or operator");
            }
            Path dataDir = Path.of(args.length > 2 ? args[2]
                    : System.getenv().getOrDefault("OFFERPULSE_DATA_DIR", "./data"));
            Duration ttl = args.length > 3 ? Duration.ofHours(Long.parseLong(args[3])) : DEFAULT_TTL;
            System.out.println(issue(dataDir, role, args[1], ttl, Clock.systemUTC()).token());
        } catch (RuntimeException e) {
            System.err.println("admin token: " + e.getMessage());
            System.exit(1);
        }
    }
}
