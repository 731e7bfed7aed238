package com.offerpulse.realtime.invite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.realtime.support.RealtimeWebTestBase;
import com.offerpulse.realtime.support.SocketClient;
import com.offerpulse.testsupport.auth.TestTokens;

import tools.jackson.databind.JsonNode;

/**
 * Invites cannot lock the owner out (issue 12): revocable by the owner only, at most a few sockets per invite, and
 * viewers never take the owner's slot. Four sockets per room here: viewers share three.
 */
@TestPropertySource(properties = {"offerpulse.realtime.max-connections-per-room=4",
        "offerpulse.realtime.max-connections-per-user=4", "offerpulse.realtime.max-connections-per-invite=2",
        "offerpulse.realtime.max-revoked-invites-per-round=3", "offerpulse.realtime.idle-timeout=60s"})
class InviteSocketTest extends RealtimeWebTestBase {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private JsonNode mint(String room, String owner) {
        return JsonCodec.mapper().readTree(web.post().uri("/api/sessions/" + room + "/invites")
                .headers(h -> h.setBearerAuth(TestTokens.forUser(owner))).exchange()
                .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody());
    }

    private WebTestClient.ResponseSpec revoke(String room, String inviteId, String user) {
        return web.delete().uri("/api/sessions/" + room + "/invites/" + inviteId)
                .headers(h -> {
                    if (user != null) {
                        h.setBearerAuth(TestTokens.forUser(user));
                    }
                }).exchange();
    }

    private SocketClient viewer(String room, String user, JsonNode invite) throws Exception {
        SocketClient c = SocketClient.connect(port, room, TestTokens.forUser(user),
                "invite=" + invite.get("invite_token").asString());
        assertThat(c.next(WAIT).get("type").asString()).isEqualTo("snapshot");
        return c;
    }

    private WebTestClient.ResponseSpec viewerHandshake(String room, String user, JsonNode invite) {
        return handshake(room, TestTokens.forUser(user) + "&invite=" + invite.get("invite_token").asString());
    }

    @Test
    void shouldLetOnlyTheOwnerRevokeAnInviteAndRefuseItAfterwards() throws Exception {
        String room = roundOf(ALICE);
        JsonNode invite = mint(room, ALICE);
        String id = invite.get("invite_id").asString();
        assertThat(id).matches(InviteTokens.INVITE_ID);
        SocketClient open = viewer(room, BOB, invite);

        revoke(room, id, null).expectStatus().isUnauthorized();
        // Someone else, an unknown round and a malformed id all get the same 404.
        revoke(room, id, BOB).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith("application/problem+json");
        revoke("s_nobody_knows", id, ALICE).expectStatus().isNotFound();
        revoke(room, "not-an-id", ALICE).expectStatus().isNotFound();
        try (SocketClient stillValid = viewer(room, BOB, invite)) {
            assertThat(stillValid.received).hasSize(1);
        }

        revoke(room, id, ALICE).expectStatus().isNoContent();
        revoke(room, id, ALICE).expectStatus().isNoContent();
        // The socket opened before the revocation is closed too (re-checked every ping interval).
        try (open) {
            assertThat(open.closed.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("1008:invite_revoked");
        }
        viewerHandshake(room, BOB, invite).expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("revoked"));
        // Another invite to the same round still works.
        try (SocketClient other = viewer(room, BOB, mint(room, ALICE))) {
            assertThat(other.received).hasSize(1);
        }
    }

    @Test
    void shouldBoundTheRevocationsOfOneRound() {
        String room = roundOf(ALICE);
        for (int i = 0; i < 3; i++) {
            revoke(room, mint(room, ALICE).get("invite_id").asString(), ALICE).expectStatus().isNoContent();
        }
        revoke(room, mint(room, ALICE).get("invite_id").asString(), ALICE).expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectHeader().contentTypeCompatibleWith("application/problem+json");
    }

    @Test
    void shouldRefuseA429WhenOneInviteHoldsItsSockets() throws Exception {
        String room = roundOf(ALICE);
        JsonNode shared = mint(room, ALICE);
        try (SocketClient one = viewer(room, "u_carol", shared); SocketClient two = viewer(room, "u_dave", shared)) {
            viewerHandshake(room, "u_erin", shared).expectStatus().isEqualTo(429)
                    .expectHeader().exists("Retry-After")
                    .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("invite"));
            // A second invite is a separate budget.
            try (SocketClient three = viewer(room, "u_erin", mint(room, ALICE))) {
                assertThat(three.received).hasSize(1);
            }
        }
    }

    @Test
    void shouldAlwaysKeepASlotForTheOwner() throws Exception {
        String room = roundOf(ALICE);
        JsonNode a = mint(room, ALICE);
        JsonNode b = mint(room, ALICE);
        try (SocketClient v1 = viewer(room, "u_v1", a); SocketClient v2 = viewer(room, "u_v2", a);
                SocketClient v3 = viewer(room, "u_v3", b)) {
            // Three viewers fill the viewer slots; a fourth is refused although the room has one socket left...
            viewerHandshake(room, "u_v4", b).expectStatus().isEqualTo(429)
                    .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("viewer"));
            // ...which is the owner's.
            try (SocketClient owner = SocketClient.connect(port, room, TestTokens.forUser(ALICE), null)) {
                assertThat(owner.next(WAIT).get("type").asString()).isEqualTo("snapshot");
                handshake(room, TestTokens.forUser(ALICE)).expectStatus().isEqualTo(429);
            }
        }
    }
}
