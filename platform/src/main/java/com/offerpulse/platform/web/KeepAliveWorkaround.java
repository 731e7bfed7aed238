package com.offerpulse.platform.web;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.offerpulse.platform.problem.WebLimits;

/**
 * Reactor Netty 1.3.x (the newest served here is 1.3.8) can stop reading a keep-alive HTTP/1.1 connection when a
 * request arrives before the previous one's operations have terminated (reactor-netty issue 4361, fixed after
 * 1.3.8): the client then waits forever for a response the server never reads the request for. We saw it in the
 * multi-instance tests. Until the fix is available, each connection serves at most
 * {@code offerpulse.web.max-keep-alive-requests} requests (default 1: a fresh connection per request, which costs
 * ~0.1 ms on loopback). WebSocket connections are not affected. Raise it once reactor-netty is upgraded.
 */
@Configuration(proxyBeanMethods = false)
class KeepAliveWorkaround {

    @Bean
    NettyServerCustomizer offerPulseKeepAliveLimit(WebLimits limits) {
        return server -> limits.maxKeepAliveRequests() > 0
                ? server.maxKeepAliveRequests(limits.maxKeepAliveRequests())
                : server;
    }
}
