package com.offerpulse.realtime.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.offerpulse.realtime.support.RealtimeWebTestBase;
import com.offerpulse.testsupport.auth.TestTokens;
import com.offerpulse.testsupport.web.SocketHandshakes;

/**
 * The room socket applies the same token rules as HTTP (one decoder): wrong issuer or audience, no expiry, expired,
 * not yet valid or another key are refused at the handshake; a page of another site may not open the socket.
 */
class RoomSocketTokenRulesTest extends RealtimeWebTestBase {

    private WebTestClient.ResponseSpec handshake(String round, String token, String origin) {
        return SocketHandshakes.handshake(web, "/ws/rooms/" + round, token, origin);
    }

    @Test
    void shouldRefuseEveryBadTokenAtTheRoomHandshake() {
        String round = roundOf(ALICE);
        Map.of("wrong issuer", TestTokens.wrongIssuer(ALICE),
                "wrong audience", TestTokens.wrongAudience(ALICE),
                "no exp", TestTokens.withoutExpiry(ALICE),
                "expired", TestTokens.expired(ALICE),
                "not yet valid", TestTokens.notYetValid(ALICE),
                "unknown key", TestTokens.signedWithAnotherKey(ALICE))
                .forEach((why, token) -> handshake(round, token, null).expectStatus()
                        .value(s -> assertThat(s).as(why).isEqualTo(401)));
    }

    @Test
    void shouldRefuseARoomSocketOpenedByAnotherSitesPage() {
        String round = roundOf(ALICE);
        handshake(round, TestTokens.forUser(ALICE), "https://evil.example").expectStatus().isForbidden();
        // Same origin passes the origin check (then the round is looked up as usual).
        handshake("s_nobody_knows", TestTokens.forUser(ALICE), "http://localhost:" + port).expectStatus()
                .isNotFound();
    }
}
