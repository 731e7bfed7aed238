package com.offerpulse.query.sessions;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import com.offerpulse.contracts.analytics.TaggedSentence;
import com.offerpulse.platform.problem.ApiProblem;
import com.offerpulse.platform.security.AuthenticatedUser;
import com.offerpulse.platform.security.CurrentUser;
import com.offerpulse.query.routing.PartitionViews;
import com.offerpulse.query.routing.ViewRouter;
import com.offerpulse.query.views.QueryTopology;
import com.offerpulse.query.views.SentenceKeys;
import com.offerpulse.query.views.SessionView;

import reactor.core.publisher.Mono;

/** One round's views, for its owner: the end-of-round card, the tagged transcript, the latest meters. */
@RestController
class SessionViewsController {
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private final ViewRouter router;

    SessionViewsController(ViewRouter router) {
        this.router = router;
    }

    @GetMapping("/api/sessions/{sessionId}")
    Mono<ResponseEntity<?>> summary(@PathVariable String sessionId, ServerWebExchange exchange) {
        return owned(exchange, sessionId, (view, partition) -> {
            if (view.summary() == null) {
                throw ApiProblem.notFound("This round has no summary yet; it appears once the round has ended.");
            }
            return ResponseEntity.ok(RoundSummaryResponse.of(view));
        });
    }

    /**
     * The sentences are read on the partition that holds the view: the sentence store is filled by the same processor,
     * keyed {@code <sessionId>#<index>}, so one routing by the session id serves both.
     */
    @GetMapping("/api/sessions/{sessionId}/transcript")
    Mono<ResponseEntity<?>> transcript(@PathVariable String sessionId, ServerWebExchange exchange) {
        return owned(exchange, sessionId, (view, partition) -> {
            List<TaggedSentence> stored = partition.withPrefix(QueryTopology.SENTENCE_STORE,
                    SentenceKeys.prefix(sessionId));
            return ResponseEntity.ok(new TranscriptResponse(sessionId, view.question(), view.ended(),
                    TranscriptResponse.merge(view.legacySentences(), stored)));
        });
    }

    @GetMapping("/api/sessions/{sessionId}/meters")
    Mono<ResponseEntity<?>> meters(@PathVariable String sessionId, ServerWebExchange exchange) {
        return owned(exchange, sessionId, (view, partition) -> {
            if (view.meters() == null) {
                throw ApiProblem.notFound("No meters yet: they appear with the round's first sentence.");
            }
            return ResponseEntity.ok(view.meters());
        });
    }

    /** Answers on the instance owning the round's partition, once the caller is known to own the round. */
    private Mono<ResponseEntity<?>> owned(ServerWebExchange exchange, String sessionId,
            BiFunction<SessionView, PartitionViews, ResponseEntity<?>> answer) {
        if (!SESSION_ID.matcher(sessionId).matches()) {
            return Mono.error(ApiProblem.notFound("No such round."));
        }
        return CurrentUser.find().flatMap(user -> router.read(exchange, QueryTopology.SESSION_STORE, sessionId,
                partition -> answer.apply(
                        requireOwner(partition.get(QueryTopology.SESSION_STORE, sessionId), user), partition)));
    }

    private static SessionView requireOwner(Optional<SessionView> found, AuthenticatedUser user) {
        SessionView view = found.filter(v -> !v.deleted() && v.userId() != null)
                .orElseThrow(() -> ApiProblem.notFound("No such round."));
        if (!view.userId().equals(user.userId())) {
            throw ApiProblem.forbidden("This round belongs to another user.");
        }
        return view;
    }
}
