package com.offerpulse.platform.auth;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.offerpulse.contracts.auth.HmacSecret;
import com.offerpulse.contracts.auth.IssuedToken;
import com.offerpulse.contracts.auth.Role;
import com.offerpulse.contracts.auth.TokenIssuer;
import com.offerpulse.platform.security.JwtSettings;

import org.springframework.web.server.ServerWebExchange;

import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/auth/dev-login}: a token for any username, no password. Only the embedded default turns it on
 * ({@code offerpulse.jwt.dev-login=true}); elsewhere the route does not exist (404). Rate-limited per client address
 * ({@link SignInLimiter}).
 */
@RestController
@ConditionalOnProperty(name = "offerpulse.jwt.dev-login", havingValue = "true")
class DevLoginController {
    private final JwtSettings settings;
    private final Clock clock;
    private final TokenIssuer issuer;
    private final SignInLimiter signIns;

    DevLoginController(JwtSettings settings, Clock clock, SignInLimiter signIns) {
        this.settings = settings;
        this.clock = clock;
        this.signIns = signIns;
        if (!settings.hasSecret()) {
            throw new IllegalStateException("Dev login needs an HS256 secret (OFFERPULSE_JWT_SECRET) to sign tokens.");
        }
        this.issuer = new TokenIssuer(HmacSecret.parse(settings.secret()));
    }

    @PostMapping("/api/auth/dev-login")
    Mono<DevLoginResponse> login(@Valid @RequestBody DevLoginRequest request, ServerWebExchange exchange) {
        signIns.check(exchange);
        Set<Role> roles = EnumSet.of(Role.CANDIDATE);
        if (request.roles() != null) {
            request.roles().forEach(r -> roles.add(Role.valueOf(r.toUpperCase(Locale.ROOT))));
        }
        String username = request.username().trim();
        IssuedToken token = issuer.issue(TokenIssuer.userIdFor(username), username, roles, settings.tokenTtl(),
                clock.instant());
        return Mono.just(new DevLoginResponse(token.token(), token.userId(), token.expiresAt()));
    }
}
