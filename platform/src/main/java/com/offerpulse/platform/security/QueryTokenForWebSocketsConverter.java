package com.offerpulse.platform.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Browsers cannot set headers on a WebSocket handshake, so {@code /ws/**} also accepts {@code ?access_token=}.
 * Everywhere else only the Authorization header counts (query strings end up in access logs).
 */
class QueryTokenForWebSocketsConverter extends ServerBearerTokenAuthenticationConverter {
    private final ServerBearerTokenAuthenticationConverter withQuery = new ServerBearerTokenAuthenticationConverter();

    QueryTokenForWebSocketsConverter() {
        withQuery.setAllowUriQueryParameter(true);
    }

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().value().startsWith("/ws/")
                ? withQuery.convert(exchange)
                : super.convert(exchange);
    }
}
