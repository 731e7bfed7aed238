package com.offerpulse.query.routing;

import java.util.Optional;
import java.util.function.Function;

import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/** Answers a request from one store key, wherever that key lives. */
public interface ViewRouter {

    /**
     * Answers from the store value for {@code key} (empty when absent) on the instance that owns it.
     *
     * @param answer builds the response from the value; it may throw an ApiProblem (404, 403…)
     */
    <V> Mono<ResponseEntity<?>> serve(ServerWebExchange exchange, String store, String key,
            Function<Optional<V>, ResponseEntity<?>> answer);
}
