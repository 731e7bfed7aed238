package com.offerpulse.platform.auth;

import java.time.Duration;
import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import com.offerpulse.platform.problem.ApiProblem;
import com.offerpulse.platform.web.ClientAddress;
import com.offerpulse.platform.web.ClientRateLimiter;

/**
 * Sign-ins per client address (IPv4 address or IPv6 /64): every route that hands out a token calls
 * {@link #check(ServerWebExchange)} first, so one address cannot mint identities in bulk (each new identity would
 * otherwise get its own per-user limits). One limiter for all sign-in routes: guest sign-in and dev-login
 * draw on the same allowance.
 */
@Component
@EnableConfigurationProperties(SignInSettings.class)
public class SignInLimiter {
    private final ClientRateLimiter limiter;

    SignInLimiter(SignInSettings settings) {
        this.limiter = ClientRateLimiter.perMinute(settings.signInsPerMinute(), settings.maxTrackedClients());
    }

    /** Counts one sign-in from this request's address; throws a 429 problem (with Retry-After) beyond the bound. */
    public void check(ServerWebExchange exchange) {
        Optional<Duration> wait = limiter.tryAcquire(ClientAddress.limitKey(exchange), System.nanoTime());
        if (wait.isPresent()) {
            throw ApiProblem.tooManyRequests("Too many sign-ins from this address; try again in "
                    + Math.max(1, wait.get().toSeconds()) + " s.", wait.get());
        }
    }
}
