package com.offerpulse.realtime.invite;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.offerpulse.platform.problem.ApiProblem;
import com.offerpulse.platform.security.AuthenticatedUser;
import com.offerpulse.platform.security.CurrentUser;
import com.offerpulse.realtime.RealtimeSettings;
import com.offerpulse.realtime.room.RoomKeys;
import com.offerpulse.realtime.room.RoomOwner;
import com.offerpulse.realtime.room.RoomOwners;

import reactor.core.publisher.Mono;

/**
 * Viewer invites (docs/REALTIME.md, "Viewer invites"). {@code POST /api/sessions/{id}/invites}: the round's owner
 * mints a short-lived invite; 401 without a token, 404 for an unknown/deleted round, 403 for someone else's round.
 * {@code DELETE /api/sessions/{id}/invites/{inviteId}}: the owner revokes one (204, idempotent); anyone else, an
 * unknown round or a malformed id gets the same 404, so the call tells a stranger nothing.
 */
@RestController
class InviteController {
    private final RoomOwners owners;
    private final InviteTokens invites;
    private final InviteRevocations revocations;
    private final RealtimeSettings settings;

    InviteController(RoomOwners owners, InviteTokens invites, InviteRevocations revocations,
            RealtimeSettings settings) {
        this.owners = owners;
        this.invites = invites;
        this.revocations = revocations;
        this.settings = settings;
    }

    /** {@code invite_id} names the invite for {@code DELETE}; the other fields are unchanged. */
    record InviteResponse(String inviteToken, Instant expiresAt, String url, String inviteId) {
    }

    private static Mono<AuthenticatedUser> signedIn() {
        return CurrentUser.find().switchIfEmpty(Mono.error(new ApiProblem(HttpStatus.UNAUTHORIZED,
                "A bearer token is required.", null, null)));
    }

    @PostMapping("/api/sessions/{sessionId}/invites")
    Mono<ResponseEntity<InviteResponse>> invite(@PathVariable String sessionId) {
        return signedIn().flatMap(user -> {
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
                        .body(new InviteResponse(invite.token(), invite.expiresAt(), url, invite.id()));
            });
        });
    }

    @DeleteMapping("/api/sessions/{sessionId}/invites/{inviteId}")
    Mono<ResponseEntity<Void>> revoke(@PathVariable String sessionId, @PathVariable String inviteId) {
        return signedIn().flatMap(user -> {
            if (!RoomKeys.SESSION_ID.matcher(sessionId).matches()
                    || !InviteTokens.INVITE_ID.matcher(inviteId).matches()) {
                return Mono.error(ApiProblem.notFound("No such invite."));
            }
            return owners.find(sessionId).flatMap(found -> {
                boolean owns = found.filter(o -> !o.deleted()).map(o -> o.userId().equals(user.userId()))
                        .orElse(false);
                if (!owns) {
                    return Mono.error(ApiProblem.notFound("No such invite."));
                }
                return revocations.revoke(sessionId, inviteId, settings.inviteTtl(),
                        settings.maxRevokedInvitesPerRound());
            }).flatMap(done -> done
                    ? Mono.just(ResponseEntity.noContent().<Void>build())
                    : Mono.error(new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "This round already has "
                            + settings.maxRevokedInvitesPerRound() + " revoked invites.", null,
                            settings.inviteTtl())));
        });
    }
}
