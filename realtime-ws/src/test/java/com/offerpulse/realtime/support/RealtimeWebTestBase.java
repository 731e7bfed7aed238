package com.offerpulse.realtime.support;

import com.offerpulse.testsupport.auth.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.offerpulse.realtime.RealtimeWsApplication;
import com.offerpulse.realtime.room.RoomOwners;

/**
 * The whole realtime application on a random port, without Redis (an unused port: it falls back to in-process
 * rooms) and with round ownership in memory; Kafka points at nothing, so the feed idles and tests append room
 * messages through the store and fanout beans themselves.
 */
@SpringBootTest(classes = RealtimeWsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "offerpulse.jwt.secret=" + TestTokens.SECRET,
                "offerpulse.kafka.bootstrap=127.0.0.1:1",
                "offerpulse.realtime.redis-uri=redis://127.0.0.1:1",
                "offerpulse.realtime.redis-fallback=true",
                "offerpulse.realtime.max-connections-per-user=2",
                "offerpulse.realtime.max-connections-per-room=2",
                "offerpulse.realtime.ping-interval=200ms",
                "offerpulse.realtime.idle-timeout=1s"})
// A generous timeout: the first request after start-up can be slow on a busy two-core machine.
@AutoConfigureWebTestClient(timeout = "PT30S")
public abstract class RealtimeWebTestBase {
    protected static final String ALICE = "u_alice";
    protected static final String BOB = "u_bob";

    @TestBean(name = "realtimeRoomOwners", methodName = "com.offerpulse.realtime.support.RealtimeWebTestBase#owners")
    protected RoomOwners ownersBean;

    /** Owners come from {@link #owners()}; the lifecycle reader behind the real ones is not needed here. */
    @TestBean(name = "sessionDirectory", methodName = "com.offerpulse.realtime.support.RealtimeWebTestBase#noDirectory")
    protected com.offerpulse.platform.sessions.SessionDirectory directoryBean;

    @Autowired
    protected WebTestClient web;

    @LocalServerPort
    protected int port;

    static RoomOwners owners() {
        return new InMemoryRoomOwners();
    }

    static com.offerpulse.platform.sessions.SessionDirectory noDirectory() {
        return new com.offerpulse.platform.sessions.SessionDirectory() {
            @Override
            public reactor.core.publisher.Mono<java.util.Optional<com.offerpulse.platform.sessions.SessionRecord>> find(
                    String sessionId) {
                return reactor.core.publisher.Mono.just(java.util.Optional.empty());
            }

            @Override
            public void remember(com.offerpulse.platform.sessions.SessionRecord record) {
            }
        };
    }

    protected String roundOf(String userId) {
        String id = "s_" + userId + "_" + System.nanoTime();
        ((InMemoryRoomOwners) ownersBean).own(id, userId);
        return id;
    }

    protected WebTestClient.ResponseSpec handshake(String sessionId, String token) {
        return web.get().uri("/ws/rooms/" + sessionId + (token == null ? "" : "?access_token=" + token))
                .header("Upgrade", "websocket").header("Connection", "Upgrade")
                .header("Sec-WebSocket-Version", "13").header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                .exchange();
    }
}
