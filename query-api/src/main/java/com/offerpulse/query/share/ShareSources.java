package com.offerpulse.query.share;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

import com.offerpulse.contracts.analytics.UserOfferProbability;
import com.offerpulse.contracts.json.ContractViolation;
import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.platform.problem.ApiProblem;
import com.offerpulse.query.QuerySettings;
import com.offerpulse.query.routing.ViewRouter;
import com.offerpulse.query.user.OfferProbabilityResponse;
import com.offerpulse.query.user.RoundItem;
import com.offerpulse.query.user.RoundPage;
import com.offerpulse.query.views.QueryTopology;
import com.offerpulse.query.views.RoundEntry;
import com.offerpulse.query.views.UserRoundList;

import reactor.core.publisher.Mono;

/**
 * Reads the caller's own views for a snapshot through the {@link ViewRouter}, so share creation works on any
 * instance. The router forwards a request it cannot answer locally to the key's owner as a GET of the same path, so
 * each read is addressed to the public endpoint that serves that store ({@code /api/user/offer-probability},
 * {@code /api/user/sessions}): the owner answers it with the caller's own token and its usual checks, and the JSON it
 * returns is decoded here. Locally the store value is used as is.
 */
@Component
class ShareSources {
    static final String PROBABILITY_PATH = "/api/user/offer-probability";
    static final String ROUNDS_PATH = "/api/user/sessions";
    /** The rounds endpoint's largest page. */
    static final int PAGE_SIZE = 100;
    /** Bound on pages read from another instance (ten thousand rounds within one period is not a real user). */
    static final int MAX_PAGES = 100;

    private final ViewRouter router;
    private final QuerySettings settings;

    ShareSources(ViewRouter router, QuerySettings settings) {
        this.router = router;
        this.settings = settings;
    }

    /** The user's view and their rounds back to the last one before {@code periodStart}. */
    Mono<ShareSource> read(ServerWebExchange exchange, String userId, Instant periodStart) {
        return probability(exchange, userId).zipWith(rounds(exchange, userId, periodStart),
                (p, rounds) -> new ShareSource(p.offerProbability(), p.driversPositive(), p.driversNegative(),
                        rounds));
    }

    private Mono<OfferProbabilityResponse> probability(ServerWebExchange exchange, String userId) {
        return router.<UserOfferProbability>serve(asGet(exchange, PROBABILITY_PATH, null),
                QueryTopology.OFFER_PROBABILITY_STORE, userId,
                found -> ResponseEntity.ok(found.map(ShareSources::probabilityOf).orElse(NO_PROBABILITY)))
                .map(answer -> body(answer, OfferProbabilityResponse.class));
    }

    private Mono<List<ShareSource.RoundPoint>> rounds(ServerWebExchange exchange, String userId, Instant periodStart) {
        return page(exchange, userId, null)
                .expand(page -> page.nextCursor() != null && reachesInto(page, periodStart)
                        ? page(exchange, userId, page.nextCursor())
                        : Mono.empty())
                .take(MAX_PAGES)
                .flatMapIterable(RoundPage::sessions)
                .map(r -> new ShareSource.RoundPoint(r.endedAt(), r.offerProbabilityBefore(),
                        r.offerProbabilityAfter()))
                .collectList();
    }

    /** Newest first: another page is needed while the oldest round so far is still inside the period. */
    private static boolean reachesInto(RoundPage page, Instant periodStart) {
        return !page.sessions().isEmpty()
                && !page.sessions().get(page.sessions().size() - 1).endedAt().isBefore(periodStart);
    }

    private Mono<RoundPage> page(ServerWebExchange exchange, String userId, String cursor) {
        String query = "limit=" + PAGE_SIZE + (cursor == null ? "" : "&cursor=" + cursor);
        return router.<UserRoundList>serve(asGet(exchange, ROUNDS_PATH, query), QueryTopology.USER_ROUNDS_STORE,
                userId, found -> ResponseEntity.ok(new RoundPage(found.map(UserRoundList::rounds).orElse(List.of())
                        .stream().map(ShareSources::itemOf).toList(), null)))
                .map(answer -> body(answer, RoundPage.class));
    }

    /** The same request, as the GET of the endpoint that serves the store (for forwarding). */
    private static ServerWebExchange asGet(ServerWebExchange exchange, String path, String query) {
        URI uri = UriComponentsBuilder.fromUri(exchange.getRequest().getURI()).replacePath(path).replaceQuery(query)
                .build(true).toUri();
        return exchange.mutate().request(r -> r.method(HttpMethod.GET).uri(uri)).build();
    }

    /** A local answer carries the value; a forwarded one the owner's JSON (or its error, passed on as a 503). */
    private <T> T body(ResponseEntity<?> answer, Class<T> type) {
        Object body = answer.getBody();
        if (type.isInstance(body)) {
            return type.cast(body);
        }
        if (answer.getStatusCode().value() == HttpStatus.OK.value() && body instanceof byte[] json) {
            try {
                return JsonCodec.decode(json, type);
            } catch (ContractViolation e) {
                throw unavailable(answer);
            }
        }
        throw unavailable(answer);
    }

    private ApiProblem unavailable(ResponseEntity<?> answer) {
        String retry = answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER);
        java.time.Duration after = Optional.ofNullable(retry).map(ShareSources::seconds).orElse(settings.retryAfter());
        return ApiProblem.unavailable("Your views are not available right now; retry shortly.", after);
    }

    private static java.time.Duration seconds(String header) {
        try {
            return java.time.Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static final OfferProbabilityResponse NO_PROBABILITY = new OfferProbabilityResponse(null, null, List.of(),
            List.of(), null, List.of(), 0, com.offerpulse.contracts.analytics.DataSufficiency.NONE, null);

    private static OfferProbabilityResponse probabilityOf(UserOfferProbability v) {
        return new OfferProbabilityResponse(v.offerProbability(), v.confidenceBand(), v.driversPositive(),
                v.driversNegative(), v.deltaVsLastSession(), v.whatToFixNext(), v.sessionsCount(), v.dataSufficiency(),
                v.updatedAt());
    }

    private static RoundItem itemOf(RoundEntry r) {
        return new RoundItem(r.sessionId(), r.endedAt(), r.endReason(), r.sessionScore(), r.offerProbabilityBefore(),
                r.offerProbabilityAfter(), null, r.finalMeters(), r.sentenceCount());
    }
}
