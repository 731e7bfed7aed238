package com.offerpulse.platform.websocket;

import java.util.HashMap;
import java.util.Map;

import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Hands the socket the request attributes an admission filter set before the upgrade (those prefixed
 * {@value #ATTRIBUTE_PREFIX}), so a handler reads the already-checked caller and round instead of checking again.
 * The framework itself only copies WebSession attributes, which a stateless API does not have.
 */
public final class ExchangeAttributesWebSocketService implements WebSocketService {
    public static final String ATTRIBUTE_PREFIX = "offerpulse.";
    private final WebSocketService delegate;

    public ExchangeAttributesWebSocketService(WebSocketService delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<Void> handleRequest(ServerWebExchange exchange, WebSocketHandler handler) {
        Map<String, Object> carried = new HashMap<>();
        exchange.getAttributes().forEach((k, v) -> {
            if (k.startsWith(ATTRIBUTE_PREFIX)) {
                carried.put(k, v);
            }
        });
        return delegate.handleRequest(exchange, new WebSocketHandler() {
            @Override
            public Mono<Void> handle(WebSocketSession session) {
                return handler.handle(new WithAttributes(session, carried));
            }

            @Override
            public java.util.List<String> getSubProtocols() {
                return handler.getSubProtocols();
            }
        });
    }

    /** The socket as the framework made it, plus the carried attributes. */
    private static final class WithAttributes implements WebSocketSession {
        private final WebSocketSession delegate;
        private final Map<String, Object> attributes;

        WithAttributes(WebSocketSession delegate, Map<String, Object> carried) {
            this.delegate = delegate;
            this.attributes = new ConcurrentHashMap<>(delegate.getAttributes());
            this.attributes.putAll(carried);
        }

        @Override
        public Map<String, Object> getAttributes() {
            return attributes;
        }

        @Override
        public String getId() {
            return delegate.getId();
        }

        @Override
        public HandshakeInfo getHandshakeInfo() {
            return delegate.getHandshakeInfo();
        }

        @Override
        public DataBufferFactory bufferFactory() {
            return delegate.bufferFactory();
        }

        @Override
        public Flux<WebSocketMessage> receive() {
            return delegate.receive();
        }

        @Override
        public Mono<Void> send(Publisher<WebSocketMessage> messages) {
            return delegate.send(messages);
        }

        @Override
        public boolean isOpen() {
            return delegate.isOpen();
        }

        @Override
        public Mono<Void> close(CloseStatus status) {
            return delegate.close(status);
        }

        @Override
        public Mono<CloseStatus> closeStatus() {
            return delegate.closeStatus();
        }

        @Override
        public WebSocketMessage textMessage(String payload) {
            return delegate.textMessage(payload);
        }

        @Override
        public WebSocketMessage binaryMessage(Function<DataBufferFactory, DataBuffer> payloadFactory) {
            return delegate.binaryMessage(payloadFactory);
        }

        @Override
        public WebSocketMessage pingMessage(Function<DataBufferFactory, DataBuffer> payloadFactory) {
            return delegate.pingMessage(payloadFactory);
        }

        @Override
        public WebSocketMessage pongMessage(Function<DataBufferFactory, DataBuffer> payloadFactory) {
            return delegate.pongMessage(payloadFactory);
        }
    }
}
