package com.offerpulse.query.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;

import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ServerWebExchange;

import com.offerpulse.platform.problem.ApiProblem;
import com.offerpulse.query.routing.PartitionViews;
import com.offerpulse.query.routing.ViewRouter;

import reactor.core.publisher.Mono;

/**
 * Views held in sorted maps (key order, like RocksDB's byte order for these ASCII keys), served as if every key were
 * local; can play a rebalancing instance.
 */
public class InMemoryViews implements ViewRouter, PartitionViews {
    private final Map<String, NavigableMap<String, Object>> stores = new ConcurrentHashMap<>();
    private volatile boolean rebalancing;

    public void put(String store, String key, Object value) {
        stores.computeIfAbsent(store, s -> new ConcurrentSkipListMap<>()).put(key, value);
    }

    public void rebalancing(boolean on) {
        rebalancing = on;
    }

    public void reset() {
        stores.clear();
        rebalancing = false;
    }

    @Override
    public Mono<ResponseEntity<?>> read(ServerWebExchange exchange, String store, String key,
            Function<PartitionViews, ResponseEntity<?>> answer) {
        if (rebalancing) {
            return Mono.error(ApiProblem.unavailable("The view is not available right now (rebalancing); retry "
                    + "shortly.", Duration.ofSeconds(2)));
        }
        return Mono.fromCallable(() -> answer.apply(this));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> Optional<V> get(String store, String key) {
        return Optional.ofNullable((V) stores.getOrDefault(store, new ConcurrentSkipListMap<>()).get(key));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> List<V> withPrefix(String store, String prefix) {
        return stores.getOrDefault(store, new ConcurrentSkipListMap<>()).tailMap(prefix, true).entrySet().stream()
                .takeWhile(e -> e.getKey().startsWith(prefix)).map(e -> (V) e.getValue()).toList();
    }
}
