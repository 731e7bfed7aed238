package com.offerpulse.ingest.transcript;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import com.offerpulse.ingest.IngestSettings;
import com.offerpulse.ingest.directory.SessionAccess;
import com.offerpulse.platform.problem.ApiProblem;
import com.offerpulse.platform.problem.ProblemResponses;
import com.offerpulse.platform.websocket.ExchangeAttributesWebSocketService;
import com.offerpulse.platform.security.CurrentUser;

import reactor.core.publisher.Mono;

/**
 * Checks a {@code /ws/ingest/{id}} handshake before the upgrade: the security chain already demanded a valid
 * token; here the round must exist, be the caller's and still be open, else a plain HTTP 404/403/409 problem; and the
 * user must hold fewer than {@code maxSocketsPerUser} ingest sockets on this instance, else 429 with Retry-After.
 */
@Component
class IngestSocketAdmissionFilter implements WebFilter {
    static final String SESSION_ATTRIBUTE = ExchangeAttributesWebSocketService.ATTRIBUTE_PREFIX + "ingest.session";
    static final String SLOT_ATTRIBUTE = ExchangeAttributesWebSocketService.ATTRIBUTE_PREFIX + "ingest.slot";
    /** How soon a refused client may try again: sockets end when their round or their idle timeout does. */
    private static final Duration SOCKETS_RETRY_AFTER = Duration.ofSeconds(30);
    private static final PathPattern PATH = PathPatternParser.defaultInstance.parse("/ws/ingest/{sessionId}");

    private final SessionAccess access;
    private final IngestSocketSlots slots;
    private final int maxSockets;

    IngestSocketAdmissionFilter(SessionAccess access, IngestSocketSlots slots, IngestSettings settings) {
        this.access = access;
        this.slots = slots;
        this.maxSockets = settings.maxSocketsPerUser();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        PathPattern.PathMatchInfo match = PATH.matchAndExtract(exchange.getRequest().getPath().pathWithinApplication());
        if (match == null) {
            return chain.filter(exchange);
        }
        Map<String, String> vars = match.getUriVariables();
        return CurrentUser.find()
                .switchIfEmpty(Mono.error(new ApiProblem(HttpStatus.UNAUTHORIZED, "A bearer token is required.", null,
                        null)))
                .flatMap(user -> access.openSessionOf(vars.get("sessionId"), user))
                .flatMap(session -> {
                    IngestSocketSlots.Slot slot = slots.tryTake(session.userId());
                    if (slot == null) {
                        return Mono.error(ApiProblem.tooManyRequests("You already have " + maxSockets
                                + " ingest sockets open, the most allowed; close one first.", SOCKETS_RETRY_AFTER));
                    }
                    exchange.getAttributes().put(SESSION_ATTRIBUTE, session);
                    exchange.getAttributes().put(SLOT_ATTRIBUTE, slot);
                    // The handler releases the slot when the socket ends; if the upgrade never reached it, do it here.
                    return chain.filter(exchange).doFinally(signal -> {
                        if (!slot.handedOver()) {
                            slot.release();
                        }
                    });
                })
                .onErrorResume(ApiProblem.class,
                        p -> ProblemResponses.write(exchange, p.status(), p.getMessage(), p.retryAfter()));
    }
}
