package com.offerpulse.platform.web;

import java.net.InetSocketAddress;

import org.springframework.web.server.ServerWebExchange;

/**
 * The address a request came from, for per-client limits. Behind a reverse proxy this is the proxy unless Spring
 * applies the forwarded headers ({@code server.forward-headers-strategy=framework}, only behind a proxy that sets
 * them: otherwise clients could pick their own address).
 */
public final class ClientAddress {
    static final String UNKNOWN = "unknown";

    private ClientAddress() {
    }

    public static String of(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? UNKNOWN : remote.getAddress().getHostAddress();
    }
}
