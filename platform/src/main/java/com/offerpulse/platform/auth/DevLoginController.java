package com.offerpulse.platform.auth;

import java.net.InetSocketAddress;
import java.util.EnumSet;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import com.offerpulse.contracts.auth.IssuedToken;
import com.offerpulse.contracts.auth.Role;
import com.offerpulse.contracts.auth.TokenIssuer;
import com.offerpulse.platform.problem.ApiProblem;
import com.offerpulse.platform.security.JwtSettings;
import com.offerpulse.platform.security.LocalTokenKeys;
import com.offerpulse.platform.security.TokenMint;

import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/auth/dev-login}: a candidate token for any username, no password, for local development only.
 * The route exists only with {@code offerpulse.jwt.dev-login=true} set explicitly (nothing turns it on by default),
 * answers 404 to any client that is not on loopback, and never grants a role beyond candidate, whatever the body
 * says. Rate-limited per client address ({@link SignInLimiter}).
 */
@RestController
@ConditionalOnProperty(name = "offerpulse.jwt.dev-login", havingValue = "true")
class DevLoginController {
    private final JwtSettings settings;
    private final TokenMint mint;
    private final SignInLimiter signIns;

    DevLoginController(JwtSettings settings, LocalTokenKeys keys, SignInLimiter signIns) {
        this.settings = settings;
        this.signIns = signIns;
        this.mint = keys.mint().orElseThrow(() -> new IllegalStateException(
                "Dev login needs a key this service signs with (OFFERPULSE_JWT_SIGNINGKEYFILE or, for tests, "
                        + "OFFERPULSE_JWT_SECRET); it cannot work with an external provider."));
    }

    @PostMapping("/api/auth/dev-login")
    Mono<DevLoginResponse> login(@Valid @RequestBody DevLoginRequest request, ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null || remote.getAddress() == null || !remote.getAddress().isLoopbackAddress()) {
            throw ApiProblem.notFound("Not found.");
        }
        signIns.check(exchange);
        String username = request.username().trim();
        IssuedToken token = mint.issue(TokenIssuer.userIdFor(username), username, EnumSet.of(Role.CANDIDATE),
                settings.tokenTtl());
        return Mono.just(new DevLoginResponse(token.token(), token.userId(), token.expiresAt()));
    }
}
