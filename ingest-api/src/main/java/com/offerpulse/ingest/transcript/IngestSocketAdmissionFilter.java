package com.offerpulse.ingest.transcript;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import com.offerpulse.ingest.directory.SessionAccess;
import com.offerpulse.platform.problem.ApiProblem;
import com.offerpulse.platform.problem.ProblemResponses;
import com.offerpulse.platform.websocket.ExchangeAttributesWebSocketService;
import com.offerpulse.platform.security.CurrentUser;

import reactor.core.publisher.Mono;

/**
 * Checks a {@code /ws/ingest/{id}} handshake before the upgrade: the security chain already demanded a valid
 * token; here the round must exist, be the caller's and still be open, else a plain HTTP 404/403/409 problem.
 */
@Component
class IngestSocketAdmissionFilter implements WebFilter {
    static final String SESSION_ATTRIBUTE = ExchangeAttributesWebSocketService.ATTRIBUTE_PREFIX + "ingest.session";
    private static final PathPattern PATH = PathPatternParser.defaultInstance.parse("/ws/ingest/{sessionId}");

    private final SessionAccess access;

    IngestSocketAdmissionFilter(SessionAccess access) {
        this.access = access;
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
                    exchange.getAttributes().put(SESSION_ATTRIBUTE, session);
                    return chain.filter(exchange);
                })
                .onErrorResume(ApiProblem.class,
                        p -> ProblemResponses.write(exchange, p.status(), p.getMessage(), p.retryAfter()));
    }
}
