package com.offerpulse.query.routing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import com.offerpulse.platform.kafka.ManagedKafkaStreams;
import com.offerpulse.platform.problem.ApiProblem;
import com.offerpulse.query.QuerySettings;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * Serves a request for one store key where that key lives: locally when this instance owns the key's partition,
 * otherwise by forwarding the request (with the caller's token) to the owner Kafka Streams names. While stores are
 * rebalancing or restoring the answer is 503 with Retry-After, never a wrong value or a 500.
 */
@Component
public class KafkaViewRouter implements ViewRouter {
    static final String FORWARDED = "X-OfferPulse-Forwarded";
    private static final List<String> RELAYED_HEADERS = List.of(HttpHeaders.CONTENT_TYPE,
            HttpHeaders.RETRY_AFTER, HttpHeaders.WWW_AUTHENTICATE, HttpHeaders.CACHE_CONTROL);
    private static final Logger log = LoggerFactory.getLogger(KafkaViewRouter.class);

    private final ManagedKafkaStreams streams;
    private final QuerySettings settings;
    private final HttpClient client;
    private final LocalAddress self;
    private final Counter forwarded;
    private final Counter unavailable;

    KafkaViewRouter(ManagedKafkaStreams queryStreams, QuerySettings settings, LocalAddress self,
            MeterRegistry meters) {
        this.streams = queryStreams;
        this.settings = settings;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.forwardTimeout()).build();
        this.self = self;
        this.forwarded = Counter.builder("offerpulse.query.forwarded").register(meters);
        this.unavailable = Counter.builder("offerpulse.query.unavailable").register(meters);
    }

    @Override
    public Mono<ResponseEntity<?>> read(ServerWebExchange exchange, String store, String key,
            Function<PartitionViews, ResponseEntity<?>> answer) {
        KafkaStreams ks = streams.streams();
        if (ks == null || !(ks.state() == KafkaStreams.State.RUNNING || ks.state() == KafkaStreams.State.REBALANCING)) {
            return notReady("the views are starting");
        }
        KeyQueryMetadata meta;
        try {
            meta = ks.queryMetadataForKey(store, key, Serdes.String().serializer());
        } catch (RuntimeException e) {
            return notReady("routing metadata is not available");
        }
        if (meta == null || meta == KeyQueryMetadata.NOT_AVAILABLE || meta.activeHost() == null) {
            return notReady("no instance owns this key right now");
        }
        log.atDebug().addKeyValue("store", store).addKeyValue("partition", meta.partition())
                .addKeyValue("owner", meta.activeHost()).log("Routing a view request");
        if (meta.activeHost().equals(self.hostInfo())) {
            int partition = meta.partition();
            return Mono.fromCallable(() -> answer.apply(new LocalPartition(ks, partition)));
        }
        if (exchange.getRequest().getHeaders().containsHeader(FORWARDED)) {
            // The other instance thinks we own it and we think it does: a rebalance is under way.
            return notReady("ownership is moving between instances");
        }
        return forward(exchange, meta.activeHost());
    }

    /**
     * The stores of one partition of this instance. Reads go to that partition only: a partition this instance was
     * just given but is still restoring throws (503) instead of answering "not found", which would be a wrong value.
     */
    private final class LocalPartition implements PartitionViews {
        private final KafkaStreams ks;
        private final int partition;

        LocalPartition(KafkaStreams ks, int partition) {
            this.ks = ks;
            this.partition = partition;
        }

        @Override
        public <V> Optional<V> get(String store, String key) {
            try {
                return Optional.ofNullable(this.<V>store(store).get(key));
            } catch (InvalidStateStoreException e) {
                throw rebuilding();
            }
        }

        @Override
        public <V> List<V> withPrefix(String store, String prefix) {
            List<V> values = new ArrayList<>();
            try (KeyValueIterator<String, V> it = this.<V>store(store).prefixScan(prefix,
                    Serdes.String().serializer())) {
                it.forEachRemaining(kv -> values.add(kv.value));
            } catch (InvalidStateStoreException e) {
                throw rebuilding();
            }
            return values;
        }

        private <V> ReadOnlyKeyValueStore<String, V> store(String store) {
            return ks.store(StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.<String, V>keyValueStore())
                    .withPartition(partition));
        }

        private ApiProblem rebuilding() {
            unavailable.increment();
            return ApiProblem.unavailable("This view is being rebuilt; retry shortly.", settings.retryAfter());
        }
    }

    private Mono<ResponseEntity<?>> forward(ServerWebExchange exchange, HostInfo owner) {
        forwarded.increment();
        String uri = "http://" + owner.host() + ":" + owner.port() + exchange.getRequest().getURI().getRawPath()
                + (exchange.getRequest().getURI().getRawQuery() == null ? ""
                        : "?" + exchange.getRequest().getURI().getRawQuery());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).GET()
                .timeout(settings.forwardTimeout()).header(FORWARDED, "1");
        String auth = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (auth != null) {
            request.header(HttpHeaders.AUTHORIZATION, auth);
        }
        return Mono.fromFuture(() -> client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray()))
                .<ResponseEntity<?>>map(KafkaViewRouter::relay)
                .onErrorResume(e -> !(e instanceof ApiProblem), e -> {
                    log.warn("Forwarding to {}:{} failed: {}", owner.host(), owner.port(), e.toString());
                    return notReady("the instance that owns this key did not answer");
                });
    }

    /**
     * The owner's answer as ours: status, body and the headers that carry meaning. Framing headers (length,
     * chunking, connection) are not copied: this response is framed afresh.
     */
    private static ResponseEntity<?> relay(HttpResponse<byte[]> owner) {
        HttpHeaders headers = new HttpHeaders();
        for (String name : RELAYED_HEADERS) {
            List<String> values = owner.headers().allValues(name);
            if (!values.isEmpty()) {
                headers.put(name, values);
            }
        }
        return ResponseEntity.status(owner.statusCode()).headers(headers).body(owner.body());
    }

    private Mono<ResponseEntity<?>> notReady(String why) {
        unavailable.increment();
        return Mono.error(ApiProblem.unavailable("The view is not available right now (" + why + "); retry shortly.",
                settings.retryAfter()));
    }
}
