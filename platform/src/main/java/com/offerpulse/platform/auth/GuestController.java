package com.offerpulse.platform.auth;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import com.offerpulse.contracts.auth.IssuedToken;
import com.offerpulse.contracts.auth.Role;
import com.offerpulse.platform.problem.ApiProblem;
import com.offerpulse.platform.security.JwtSettings;
import com.offerpulse.platform.security.LocalTokenKeys;
import com.offerpulse.platform.security.TokenMint;

import reactor.core.publisher.Mono;

/**
 * {@code POST /api/auth/guest}: a new, random identity (128 bits from a {@link SecureRandom}, so nobody can guess
 * another guest's id) and a candidate token for it, so "Start a 3-minute mock round" needs no sign-up. No body,
 * no name, no roles: nothing the caller says shapes the identity. Rate-limited per client address with every other
 * sign-in ({@link SignInLimiter}). 404 where this service signs no tokens itself (external provider only).
 */
@RestController
class GuestController {
    /** Guest ids: {@value #PREFIX} + 32 hex digits (128 random bits). */
    static final String PREFIX = "g_";
    static final int RANDOM_BYTES = 16;

    private final JwtSettings settings;
    private final LocalTokenKeys keys;
    private final SignInLimiter signIns;
    private final SecureRandom random = new SecureRandom();

    GuestController(JwtSettings settings, LocalTokenKeys keys, SignInLimiter signIns) {
        this.settings = settings;
        this.keys = keys;
        this.signIns = signIns;
    }

    @PostMapping("/api/auth/guest")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<DevLoginResponse> guest(ServerWebExchange exchange) {
        TokenMint mint = keys.mint().orElseThrow(() -> ApiProblem.notFound(
                "Guest sign-in is off here: sign in with the identity provider."));
        signIns.check(exchange);
        IssuedToken token = mint.issue(newGuestId(), "guest", EnumSet.of(Role.CANDIDATE), settings.guestTokenTtl());
        return Mono.just(new DevLoginResponse(token.token(), token.userId(), token.expiresAt()));
    }

    String newGuestId() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return PREFIX + HexFormat.of().formatHex(bytes);
    }
}
