package com.offerpulse.query.routing;

import java.util.Optional;
import java.util.function.Function;

import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/** Answers a request from one store key, wherever that key lives. */
public interface ViewRouter {

    /**
     * Answers on the instance that owns {@code key}'s partition of {@code store}, from that partition's views.
     *
     * @param answer builds the response from the partition's views; it may throw an ApiProblem (404, 403…)
     */
    Mono<ResponseEntity<?>> read(ServerWebExchange exchange, String store, String key,
            Function<PartitionViews, ResponseEntity<?>> answer);

    /**
     * Answers from the store value for {@code key} (empty when absent) on the instance that owns it.
     *
     * @param answer builds the response from the value; it may throw an ApiProblem (404, 403…)
     */
    default <V> Mono<ResponseEntity<?>> serve(ServerWebExchange exchange, String store, String key,
            Function<Optional<V>, ResponseEntity<?>> answer) {
        return read(exchange, store, key, views -> answer.apply(views.<V>get(store, key)));
    }
}
