package com.offerpulse.platform.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import reactor.core.publisher.Mono;

/**
 * Errors that escape before or around a controller (a web filter, a WebSocket admission check, a handshake) become
 * the same problem+json as controller errors, instead of Spring Boot's default error JSON. Ordered before Boot's own
 * handler (-1). A response already on its way cannot be changed: the error then goes on to the server, which ends
 * the connection.
 */
@Component
@Order(-2)
class ProblemWebExceptionHandler implements WebExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        if (ex instanceof ApiProblem p) {
            return ProblemResponses.write(exchange, p.status(), p.getMessage(), p.retryAfter());
        }
        if (ex instanceof ResponseStatusException e) {
            return ProblemResponses.write(exchange, e.getStatusCode(), e.getReason(), null);
        }
        if (ex instanceof DataBufferLimitException) {
            return ProblemResponses.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE, null, null);
        }
        log.atError().setCause(ex).addKeyValue("method", String.valueOf(exchange.getRequest().getMethod()))
                .addKeyValue("path", exchange.getRequest().getPath().value()).log("Unhandled error outside a controller");
        return ProblemResponses.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, null, null);
    }
}
