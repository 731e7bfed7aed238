package com.offerpulse.platform.security;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.offerpulse.platform.problem.ProblemResponses;

import reactor.core.publisher.Mono;

/**
 * Cross-site WebSocket hijacking: a browser sends the page's {@code Origin} on every handshake, and a page of
 * another site must not open a socket with a token it got hold of (or, later, with cookies). Every {@code /ws/**}
 * handshake from a browser must come from the same origin (its authority equals the {@code Host} it was sent to)
 * or from {@code offerpulse.web.allowed-origins}: 403
 * otherwise, before the token is even read.
 */
final class WebSocketOriginFilter implements WebFilter {
    private final List<String> allowed;

    WebSocketOriginFilter(List<String> allowedOrigins) {
        this.allowed = allowedOrigins.stream().map(WebSocketOriginFilter::normalise).toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/ws/")) {
            return chain.filter(exchange);
        }
        String origin = exchange.getRequest().getHeaders().getFirst(HttpHeaders.ORIGIN);
        if (origin == null || allows(origin, exchange.getRequest().getHeaders().getFirst(HttpHeaders.HOST))) {
            return chain.filter(exchange);
        }
        return ProblemResponses.write(exchange, HttpStatus.FORBIDDEN,
                "This page's origin may not open OfferPulse sockets.", null);
    }

    boolean allows(String origin, String host) {
        String normalised = normalise(origin);
        if (allowed.contains(normalised)) {
            return true;
        }
        if (host == null) {
            return false;
        }
        try {
            String authority = URI.create(origin.trim()).getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host.trim());
        } catch (IllegalArgumentException badOrigin) {
            return false;
        }
    }

    private static String normalise(String origin) {
        String o = origin.trim().toLowerCase(Locale.ROOT);
        return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
    }
}
