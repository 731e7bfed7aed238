package com.offerpulse.platform.websocket;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.support.WebSocketHandlerAdapter;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;

import com.offerpulse.platform.problem.WebLimits;

import reactor.netty.http.server.WebsocketServerSpec;

/**
 * One WebSocket handshake service for every module: inbound messages are capped at the HTTP body limit (a larger
 * one is closed with 1009), and an admission filter's checked attributes reach the socket
 * ({@link ExchangeAttributesWebSocketService}). Ordered first so it serves every WebSocket route instead of the framework's default
 * adapter (whose 64 KiB frame limit is below a full transcript batch).
 */
@Configuration(proxyBeanMethods = false)
public class WebSocketConfiguration {
    @Bean
    WebSocketHandlerAdapter offerPulseWebSocketHandlerAdapter(WebLimits limits) {
        int max = (int) Math.min(Integer.MAX_VALUE, limits.maxBodySize().toBytes());
        HandshakeWebSocketService service = new HandshakeWebSocketService(new ReactorNettyRequestUpgradeStrategy(
                () -> WebsocketServerSpec.builder().maxFramePayloadLength(max)));
        WebSocketHandlerAdapter adapter = new WebSocketHandlerAdapter(new ExchangeAttributesWebSocketService(service));
        adapter.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return adapter;
    }
}
