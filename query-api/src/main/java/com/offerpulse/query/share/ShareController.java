package com.offerpulse.query.share;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import com.offerpulse.contracts.growth.ProductEvent;
import com.offerpulse.contracts.growth.ProductEventName;
import com.offerpulse.contracts.growth.ShareSnapshot;
import com.offerpulse.contracts.growth.ShareView;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.platform.kafka.OutboundRecord;
import com.offerpulse.platform.problem.ApiProblem;
import com.offerpulse.platform.security.AuthenticatedUser;
import com.offerpulse.platform.security.CurrentUser;
import com.offerpulse.platform.web.ClientAddress;
import com.offerpulse.platform.web.ClientRateLimiter;
import com.offerpulse.query.QuerySettings;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

/**
 * Share links: create (the owner), view (anyone holding the link, rate-limited per client address), revoke (the
 * owner). The raw token appears in exactly one place, the body of the create response; everything stored, logged or
 * sent as an event carries its SHA-256 at most. An unknown, expired or revoked link, or a revoke by someone else, all
 * get the same 404.
 */
@RestController
class ShareController {
    private static final Logger log = LoggerFactory.getLogger(ShareController.class);
    static final String NOT_FOUND = "This share link does not exist or is no longer available.";
    static final String SHARE_PAGE = "/s/";

    private final ShareSources sources;
    private final ShareSnapshots snapshots;
    private final ShareWriter writer;
    private final ShareSettings settings;
    private final QuerySettings query;
    private final Clock clock;
    private final ClientRateLimiter viewLimiter;
    private final MeterRegistry meters;

    ShareController(ShareSources sources, ShareSnapshots snapshots, ShareWriter writer, ShareSettings settings,
            QuerySettings query, Clock clock, MeterRegistry meters) {
        this.sources = sources;
        this.snapshots = snapshots;
        this.writer = writer;
        this.settings = settings;
        this.query = query;
        this.clock = clock;
        this.viewLimiter = new ClientRateLimiter(settings.viewsPerSecond(), settings.viewsBurst());
        this.meters = meters;
    }

    /**
     * Reads the caller's views (any instance), builds the snapshot and writes it with {@code share_created} in one
     * transaction; answers only once Kafka acknowledged, so the link works on every instance from that moment.
     */
    @PostMapping("/api/share")
    Mono<ResponseEntity<ShareCreated>> create(@Valid @RequestBody(required = false) ShareRequest request,
            ServerWebExchange exchange) {
        int periodDays = request == null || request.periodDays() == null ? settings.defaultPeriodDays()
                : request.periodDays();
        return CurrentUser.find().flatMap(user -> {
            Instant asked = clock.instant();
            return sources.read(exchange, user.userId(), asked.minus(Duration.ofDays(periodDays)))
                    .flatMap(source -> create(user, source, periodDays, exchange));
        });
    }

    private Mono<ResponseEntity<ShareCreated>> create(AuthenticatedUser user, ShareSource source, int periodDays,
            ServerWebExchange exchange) {
        if (source.offerProbability() == null) {
            return Mono.error(new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT,
                    "Nothing to share yet: complete a round first.", null, null));
        }
        Instant now = clock.instant();
        ShareView view = ShareViewBuilder.build(source, periodDays, now);
        String token = ShareTokens.generate();
        String hash = ShareTokens.hash(token);
        ShareSnapshot snapshot = new ShareSnapshot(hash, user.userId(), view, now, now.plus(settings.ttl()), false);
        ProductEvent created = new ProductEvent(UUID.randomUUID().toString(), ProductEventName.SHARE_CREATED, null,
                user.userId(), null, Map.of("token_hash", hash, "period_days", Integer.toString(periodDays)), now);
        return writer.write(List.of(OutboundRecord.of(Topics.SHARE_SNAPSHOTS, hash, snapshot),
                OutboundRecord.of(Topics.PRODUCT_EVENTS, created.partitionKey(), created)))
                .then(Mono.fromRunnable(() -> {
                    snapshots.remember(snapshot);
                    count("created");
                    log.atInfo().addKeyValue("user_id", user.userId()).addKeyValue("share", ShareTokens.logId(hash))
                            .log("Share link created");
                }))
                .thenReturn(ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                        .body(new ShareCreated(token, url(exchange, token), snapshot.expiresAt())));
    }

    /** Public. Each successful view writes {@code share_viewed} (best effort: a view never fails because of it). */
    @GetMapping("/api/share/{token}")
    Mono<ResponseEntity<PublicShare>> view(@PathVariable String token, ServerWebExchange exchange) {
        Optional<Duration> wait = viewLimiter.tryAcquire("ip:" + ClientAddress.of(exchange), System.nanoTime());
        if (wait.isPresent()) {
            count("rate_limited");
            return Mono.error(ApiProblem.tooManyRequests(wait.get()));
        }
        return live(token).flatMap(snapshot -> {
            ProductEvent viewed = new ProductEvent(UUID.randomUUID().toString(), ProductEventName.SHARE_VIEWED, null,
                    snapshot.userId(), null, Map.of("token_hash", snapshot.tokenHash()), clock.instant());
            return writer.write(List.of(OutboundRecord.of(Topics.PRODUCT_EVENTS, viewed.partitionKey(), viewed)))
                    .onErrorResume(e -> {
                        log.atWarn().addKeyValue("share", ShareTokens.logId(snapshot.tokenHash()))
                                .log("share_viewed not recorded: {}", e.getMessage());
                        return Mono.empty();
                    })
                    .then(Mono.fromRunnable(() -> count("viewed")))
                    .thenReturn(ResponseEntity.ok().cacheControl(CacheControl.noStore())
                            .header("X-Robots-Tag", "noindex").header("Referrer-Policy", "no-referrer")
                            .body(PublicShare.of(snapshot)));
        });
    }

    /**
     * The owner revokes; repeating it is harmless (204 again). Anyone else, an unknown or an expired link: 404 (an
     * expired link is gone already, and instances need not remember it).
     */
    @DeleteMapping("/api/share/{token}")
    Mono<ResponseEntity<Void>> revoke(@PathVariable String token) {
        return CurrentUser.find().flatMap(user -> lookup(token)
                .filter(s -> s.userId().equals(user.userId()) && clock.instant().isBefore(s.expiresAt()))
                .switchIfEmpty(Mono.defer(this::notFound))
                .flatMap(snapshot -> snapshot.revoked() ? Mono.just(noContent()) : revoke(snapshot)));
    }

    private Mono<ResponseEntity<Void>> revoke(ShareSnapshot snapshot) {
        ShareView cleared = new ShareView(null, null, snapshot.view().periodDays(), 0, List.of(), List.of());
        ShareSnapshot revoked = new ShareSnapshot(snapshot.tokenHash(), snapshot.userId(), cleared,
                snapshot.createdAt(), snapshot.expiresAt(), true);
        return writer.write(List.of(OutboundRecord.of(Topics.SHARE_SNAPSHOTS, revoked.tokenHash(), revoked)))
                .then(Mono.fromRunnable(() -> {
                    snapshots.remember(revoked);
                    count("revoked");
                    log.atInfo().addKeyValue("user_id", revoked.userId())
                            .addKeyValue("share", ShareTokens.logId(revoked.tokenHash())).log("Share link revoked");
                }))
                .thenReturn(noContent());
    }

    /** A link that can be shown now; otherwise the one 404. */
    private Mono<ShareSnapshot> live(String token) {
        return lookup(token)
                .filter(s -> !s.revoked() && clock.instant().isBefore(s.expiresAt()))
                .switchIfEmpty(Mono.defer(this::notFound));
    }

    /** The link's latest state whatever it is; empty for a token we never issued. */
    private Mono<ShareSnapshot> lookup(String token) {
        if (!ShareTokens.wellFormed(token)) {
            return Mono.empty();
        }
        return snapshots.find(ShareTokens.hash(token)).flatMap(Mono::justOrEmpty)
                // Never let an unexpected error reach the generic handler: it logs the path, which holds the token.
                .onErrorMap(e -> !(e instanceof ApiProblem), e -> {
                    log.error("Share lookup failed: {}", e.getClass().getSimpleName());
                    return ApiProblem.unavailable("Share links cannot be read right now; retry shortly.",
                            query.retryAfter());
                });
    }

    private <T> Mono<T> notFound() {
        count("not_found");
        return Mono.error(ApiProblem.notFound(NOT_FOUND));
    }

    private static ResponseEntity<Void> noContent() {
        return ResponseEntity.noContent().build();
    }

    private String url(ServerWebExchange exchange, String token) {
        if (settings.publicBaseUrl() != null) {
            return stripSlash(settings.publicBaseUrl().toString()) + SHARE_PAGE + token;
        }
        URI uri = exchange.getRequest().getURI();
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return uri.getScheme() + "://" + uri.getHost() + port + SHARE_PAGE + token;
    }

    private static String stripSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private void count(String outcome) {
        meters.counter("offerpulse.share.requests", "outcome", outcome).increment();
    }
}
