package com.offerpulse.query.user;

import java.util.List;
import java.util.Optional;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import com.offerpulse.contracts.analytics.UserOfferProbability;
import com.offerpulse.platform.problem.ApiProblem;
import com.offerpulse.platform.security.CurrentUser;
import com.offerpulse.query.routing.ViewRouter;
import com.offerpulse.query.views.QueryTopology;
import com.offerpulse.query.views.RoundEntry;
import com.offerpulse.query.views.UserRoundList;

import reactor.core.publisher.Mono;

/** The signed-in user's own views: offer probability and rounds. */
@RestController
class UserViewsController {
    static final int MAX_LIMIT = 100;
    static final int DEFAULT_LIMIT = 20;

    private final ViewRouter router;

    UserViewsController(ViewRouter router) {
        this.router = router;
    }

    @GetMapping("/api/user/offer-probability")
    Mono<ResponseEntity<?>> offerProbability(ServerWebExchange exchange) {
        return CurrentUser.find().flatMap(user -> router.<UserOfferProbability>serve(exchange,
                QueryTopology.OFFER_PROBABILITY_STORE, user.userId(),
                found -> ResponseEntity.ok(found.map(OfferProbabilityResponse::of)
                        .orElseGet(OfferProbabilityResponse::none))));
    }

    @GetMapping("/api/user/sessions")
    Mono<ResponseEntity<?>> sessions(@RequestParam(name = "limit", required = false) Integer limit,
            @RequestParam(name = "cursor", required = false) String cursor, ServerWebExchange exchange) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            return Mono.error(ApiProblem.badRequest("limit", "'limit' must be between 1 and " + MAX_LIMIT));
        }
        RoundCursor after = cursor == null || cursor.isBlank() ? null : RoundCursor.decode(cursor);
        return CurrentUser.find().flatMap(user -> router.<UserRoundList>serve(exchange,
                QueryTopology.USER_ROUNDS_STORE, user.userId(), found -> ResponseEntity.ok(page(found, after, size))));
    }

    static RoundPage page(Optional<UserRoundList> found, RoundCursor after, int size) {
        List<RoundEntry> rounds = found.map(UserRoundList::rounds).orElse(List.of());
        int start = 0;
        if (after != null) {
            start = rounds.size();
            for (int i = 0; i < rounds.size(); i++) {
                RoundEntry r = rounds.get(i);
                // Newest first: the page continues with the first round strictly older than the cursor.
                int cmp = r.endedAt().compareTo(after.endedAt());
                if (cmp < 0 || (cmp == 0 && r.sessionId().compareTo(after.sessionId()) > 0)) {
                    start = i;
                    break;
                }
            }
        }
        int end = Math.min(rounds.size(), start + size);
        List<RoundItem> items = rounds.subList(start, end).stream().map(RoundItem::of).toList();
        String next = end < rounds.size() && !items.isEmpty()
                ? new RoundCursor(rounds.get(end - 1).endedAt(), rounds.get(end - 1).sessionId()).encode()
                : null;
        return new RoundPage(items, next);
    }
}
