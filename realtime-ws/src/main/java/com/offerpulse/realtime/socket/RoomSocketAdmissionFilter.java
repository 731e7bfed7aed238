package com.offerpulse.realtime.socket;

import java.time.Duration;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import com.offerpulse.platform.problem.ApiProblem;
import com.offerpulse.platform.problem.ProblemResponses;
import com.offerpulse.platform.security.AuthenticatedUser;
import com.offerpulse.platform.security.CurrentUser;
import com.offerpulse.platform.websocket.ExchangeAttributesWebSocketService;
import com.offerpulse.realtime.invite.InviteRevocations;
import com.offerpulse.realtime.invite.InviteTokens;
import com.offerpulse.realtime.room.LocalRooms;
import com.offerpulse.realtime.room.RoomKeys;
import com.offerpulse.realtime.room.RoomOwner;
import com.offerpulse.realtime.room.RoomOwners;

import reactor.core.publisher.Mono;

/**
 * Checks a {@code /ws/rooms/{id}} handshake before the upgrade: the security chain already demanded a valid token;
 * here the round must exist (404) and be the caller's, or the caller must present a valid viewer invite for it as
 * {@code ?invite=} that its owner has not revoked (else 403), the caps must leave room (429: per room with one slot
 * kept for the owner, per user, per invite), and {@code last_seq}/{@code epoch} must be well-formed (400). Each refusal is a plain HTTP
 * problem+json.
 */
@Component
class RoomSocketAdmissionFilter implements WebFilter {
    static final String ADMISSION_ATTRIBUTE = ExchangeAttributesWebSocketService.ATTRIBUTE_PREFIX + "realtime.admission";
    static final PathPattern PATH = PathPatternParser.defaultInstance.parse("/ws/rooms/{sessionId}");
    private static final Pattern EPOCH = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Duration RETRY_FULL = Duration.ofSeconds(5);

    private final RoomOwners owners;
    private final LocalRooms rooms;
    private final InviteTokens invites;
    private final InviteRevocations revocations;

    RoomSocketAdmissionFilter(RoomOwners owners, LocalRooms rooms, InviteTokens invites,
            InviteRevocations revocations) {
        this.owners = owners;
        this.rooms = rooms;
        this.invites = invites;
        this.revocations = revocations;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        PathPattern.PathMatchInfo match = PATH.matchAndExtract(exchange.getRequest().getPath().pathWithinApplication());
        if (match == null) {
            return chain.filter(exchange);
        }
        String sessionId = match.getUriVariables().get("sessionId");
        return CurrentUser.find()
                .switchIfEmpty(Mono.error(new ApiProblem(HttpStatus.UNAUTHORIZED, "A bearer token is required.", null,
                        null)))
                .flatMap(user -> admit(exchange, sessionId, user))
                .flatMap(admission -> {
                    exchange.getAttributes().put(ADMISSION_ATTRIBUTE, admission);
                    return chain.filter(exchange);
                })
                .onErrorResume(ApiProblem.class,
                        p -> ProblemResponses.write(exchange, p.status(), p.getMessage(), p.retryAfter()));
    }

    private Mono<Admission> admit(ServerWebExchange exchange, String sessionId, AuthenticatedUser user) {
        if (sessionId == null || !RoomKeys.SESSION_ID.matcher(sessionId).matches()) {
            return Mono.error(ApiProblem.notFound("No such round."));
        }
        Admission admission;
        try {
            admission = parse(exchange, sessionId, user.userId());
        } catch (ApiProblem p) {
            return Mono.error(p);
        }
        return owners.find(sessionId).flatMap(found -> {
            RoomOwner owner = found.filter(o -> !o.deleted()).orElse(null);
            if (owner == null) {
                return Mono.error(ApiProblem.notFound("No such round."));
            }
            if (owner.userId().equals(user.userId())) {
                return capsAllow(admission);
            }
            String invite = exchange.getRequest().getQueryParams().getFirst("invite");
            if (invite == null) {
                return Mono.error(ApiProblem.forbidden("This round belongs to another user."));
            }
            String inviteId = invites.inviteId(invite, sessionId).orElse(null);
            if (inviteId == null) {
                return Mono.error(ApiProblem.forbidden("The invite is expired or not for this round."));
            }
            return revocations.isRevoked(sessionId, inviteId)
                    .onErrorMap(e -> ApiProblem.unavailable("Invites cannot be checked right now.", RETRY_FULL))
                    .flatMap(revoked -> revoked
                            ? Mono.error(ApiProblem.forbidden("The invite was revoked by the round's owner."))
                            : capsAllow(admission.asViewer(inviteId)));
        });
    }

    private Mono<Admission> capsAllow(Admission admission) {
        String refusal = rooms.refusal(admission.sessionId(), admission.userId(), admission.inviteId());
        if (refusal != null) {
            return Mono.error(new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, refusal, null, RETRY_FULL));
        }
        return Mono.just(admission);
    }

    private static Admission parse(ServerWebExchange exchange, String sessionId, String userId) {
        String lastSeq = exchange.getRequest().getQueryParams().getFirst("last_seq");
        String epoch = exchange.getRequest().getQueryParams().getFirst("epoch");
        if (lastSeq == null && epoch == null) {
            return new Admission(sessionId, userId, null, null, null);
        }
        if (lastSeq == null || epoch == null) {
            throw ApiProblem.badRequest(lastSeq == null ? "last_seq" : "epoch",
                    "Recovery needs both last_seq and epoch.");
        }
        long seq;
        try {
            seq = Long.parseLong(lastSeq);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("last_seq", "last_seq must be a non-negative integer.");
        }
        if (seq < 0) {
            throw ApiProblem.badRequest("last_seq", "last_seq must be a non-negative integer.");
        }
        if (!EPOCH.matcher(epoch).matches()) {
            throw ApiProblem.badRequest("epoch", "epoch is not one this server hands out.");
        }
        return new Admission(sessionId, userId, seq, epoch, null);
    }
}
