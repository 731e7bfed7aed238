package com.offerpulse.realtime.invite;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.offerpulse.platform.problem.ApiProblem;
import com.offerpulse.platform.security.CurrentUser;
import com.offerpulse.realtime.room.RoomKeys;
import com.offerpulse.realtime.room.RoomOwner;
import com.offerpulse.realtime.room.RoomOwners;

import reactor.core.publisher.Mono;

/**
 * {@code POST /api/sessions/{id}/invites}: the round's owner mints a short-lived viewer invite (docs/REALTIME.md,
 * "Viewer invites"). 401 without a token, 404 for an unknown/deleted round, 403 for someone else's round.
 */
@RestController
class InviteController {
    private final RoomOwners owners;
    private final InviteTokens invites;

    InviteController(RoomOwners owners, InviteTokens invites) {
        this.owners = owners;
        this.invites = invites;
    }

    record InviteResponse(String inviteToken, Instant expiresAt, String url) {
    }

    @PostMapping("/api/sessions/{sessionId}/invites")
    Mono<ResponseEntity<InviteResponse>> invite(@PathVariable String sessionId) {
        return CurrentUser.find()
                .switchIfEmpty(Mono.error(new ApiProblem(HttpStatus.UNAUTHORIZED, "A bearer token is required.", null,
                        null)))
                .flatMap(user -> {
                    if (!RoomKeys.SESSION_ID.matcher(sessionId).matches()) {
                        return Mono.error(ApiProblem.notFound("No such round."));
                    }
                    return owners.find(sessionId).map(found -> {
                        RoomOwner owner = found.filter(o -> !o.deleted())
                                .orElseThrow(() -> ApiProblem.notFound("No such round."));
                        if (!owner.userId().equals(user.userId())) {
                            throw ApiProblem.forbidden("Only the round's owner can invite viewers.");
                        }
                        if (!invites.available()) {
                            throw ApiProblem.unavailable("Invites need offerpulse.jwt.secret on this server.", null);
                        }
                        InviteTokens.Invite invite = invites.issue(sessionId, user.userId());
                        String url = "/ws/rooms/" + sessionId + "?invite="
                                + URLEncoder.encode(invite.token(), StandardCharsets.UTF_8);
                        return ResponseEntity.status(HttpStatus.CREATED)
                                .body(new InviteResponse(invite.token(), invite.expiresAt(), url));
                    });
                });
    }
}
