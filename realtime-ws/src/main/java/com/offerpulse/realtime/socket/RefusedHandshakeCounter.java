package com.offerpulse.realtime.socket;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.offerpulse.realtime.metrics.CloseReason;
import com.offerpulse.realtime.metrics.RealtimeMetrics;

import reactor.core.publisher.Mono;

/**
 * Counts refused room handshakes, including the 401s the security chain answers before any module code runs:
 * ordered ahead of the security chain (-100), it looks at the status once the exchange is done.
 */
@Component
@Order(-200)
class RefusedHandshakeCounter implements WebFilter {
    private final RealtimeMetrics metrics;

    RefusedHandshakeCounter(RealtimeMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (RoomSocketAdmissionFilter.PATH.matchAndExtract(
                exchange.getRequest().getPath().pathWithinApplication()) == null) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange).doFinally(signal -> {
            HttpStatusCode status = exchange.getResponse().getStatusCode();
            if (status == null) {
                return;
            }
            if (status.value() == 401 || status.value() == 403) {
                metrics.disconnected(CloseReason.AUTH_FAILED);
            } else if (status.value() == 429) {
                metrics.disconnected(CloseReason.ROOM_FULL);
            }
        });
    }
}
