package com.offerpulse.ingest.events;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import com.offerpulse.contracts.growth.ProductEvent;
import com.offerpulse.contracts.json.ContractViolation;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.ingest.IngestSettings;
import com.offerpulse.platform.kafka.OutboundRecord;
import com.offerpulse.platform.kafka.RecordWriter;
import com.offerpulse.platform.problem.ApiProblem;
import com.offerpulse.platform.security.AuthenticatedUser;
import com.offerpulse.platform.security.CurrentUser;
import com.offerpulse.platform.web.ClientAddress;
import com.offerpulse.platform.web.ClientRateLimiter;
import com.offerpulse.platform.web.DistinctKeyLimiter;

import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/events}: product events from browsers, signed in or anonymous. Only events a client can witness
 * are accepted here; server-side ones (session_started, share_viewed…) are written by the service that knows they
 * happened.
 *
 * <p>Three bounds, each a 429 with Retry-After and nothing written (docs/notes-ingest.md explains the choice):
 * <ol>
 * <li>per client (the user when signed in, else the address: IPv4, or IPv6 /64): a token bucket;</li>
 * <li>per client, at most {@code anonymousIdsPerClient} distinct {@code anonymous_id}s per window: made-up ids
 * cannot inflate the funnel's visitor counts, while everyone already counted keeps working (a shared office
 * address holds 20 visitors an hour, and signed-in people behind it are counted per user, not per address);</li>
 * <li>per anonymous id: a token bucket, so one visitor's id cannot take the whole address's allowance.</li>
 * </ol>
 */
@RestController
class ProductEventController {
    private final RecordWriter writer;
    private final ClientRateLimiter limiter;
    private final DistinctKeyLimiter anonymousIds;
    private final ClientRateLimiter perAnonymousId;
    private final Clock clock;

    ProductEventController(RecordWriter writer, IngestSettings settings, Clock clock) {
        this.writer = writer;
        this.limiter = new ClientRateLimiter(settings.eventsPerSecond(), settings.eventsBurst(),
                settings.maxTrackedKeys());
        this.anonymousIds = new DistinctKeyLimiter(settings.anonymousIdsPerClient(), settings.anonymousIdWindow(),
                settings.maxTrackedKeys());
        this.perAnonymousId = ClientRateLimiter.perMinute(settings.eventsPerAnonymousIdPerMinute(),
                settings.maxTrackedKeys());
        this.clock = clock;
    }

    @PostMapping("/api/events")
    Mono<ResponseEntity<Accepted>> record(@Valid @RequestBody ProductEventRequest request, ServerWebExchange exchange) {
        return CurrentUser.find().map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(user -> {
                    String client = user.map(u -> "user:" + u.userId())
                            .orElseGet(() -> "ip:" + ClientAddress.limitKey(exchange));
                    ProductEvent event = toEvent(request, user);
                    long now = System.nanoTime();
                    Optional<Duration> wait = limiter.tryAcquire(client, now);
                    if (wait.isPresent()) {
                        return Mono.error(ApiProblem.tooManyRequests(wait.get()));
                    }
                    String anonymousId = request.anonymousId();
                    if (anonymousId != null) {
                        wait = anonymousIds.admit(client, anonymousId, now);
                        if (wait.isPresent()) {
                            return Mono.error(ApiProblem.tooManyRequests("Too many different anonymous ids from this "
                                    + "client; events with a new one are not recorded for now.", wait.get()));
                        }
                        wait = perAnonymousId.tryAcquire(anonymousId, now);
                        if (wait.isPresent()) {
                            return Mono.error(ApiProblem.tooManyRequests("Too many events for this anonymous id; "
                                    + "slow down.", wait.get()));
                        }
                    }
                    return writer.writeAll(List.of(OutboundRecord.of(Topics.PRODUCT_EVENTS, event.partitionKey(), event)))
                            .thenReturn(ResponseEntity.status(HttpStatus.ACCEPTED).body(new Accepted(1)));
                });
    }

    private ProductEvent toEvent(ProductEventRequest request, Optional<AuthenticatedUser> user) {
        if (!request.name().clientMayEmit()) {
            throw ApiProblem.badRequest("name", "'name' " + request.name().wireName()
                    + " is recorded by the server, not sent by clients");
        }
        try {
            return new ProductEvent(UUID.randomUUID().toString(), request.name(), request.anonymousId(),
                    user.map(AuthenticatedUser::userId).orElse(null), request.sessionId(), request.properties(),
                    clock.instant());
        } catch (ContractViolation v) {
            throw ApiProblem.badRequest(v.field(), v.getMessage());
        }
    }

    record Accepted(int accepted) {
    }
}
