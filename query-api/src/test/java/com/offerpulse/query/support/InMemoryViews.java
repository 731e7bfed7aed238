package com.offerpulse.query.support;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ServerWebExchange;

import com.offerpulse.platform.problem.ApiProblem;
import com.offerpulse.query.routing.ViewRouter;

import reactor.core.publisher.Mono;

/** Views held in maps, served as if every key were local; can play a rebalancing instance. */
public class InMemoryViews implements ViewRouter {
    private final Map<String, Map<String, Object>> stores = new ConcurrentHashMap<>();
    private volatile boolean rebalancing;

    public void put(String store, String key, Object value) {
        stores.computeIfAbsent(store, s -> new ConcurrentHashMap<>()).put(key, value);
    }

    public void rebalancing(boolean on) {
        rebalancing = on;
    }

    public void reset() {
        stores.clear();
        rebalancing = false;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> Mono<ResponseEntity<?>> serve(ServerWebExchange exchange, String store, String key,
            Function<Optional<V>, ResponseEntity<?>> answer) {
        if (rebalancing) {
            return Mono.error(ApiProblem.unavailable("The view is not available right now (rebalancing); retry "
                    + "shortly.", Duration.ofSeconds(2)));
        }
        return Mono.fromCallable(() -> answer.apply(
                Optional.ofNullable((V) stores.getOrDefault(store, Map.of()).get(key))));
    }
}
