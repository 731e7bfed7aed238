package com.offerpulse.testsupport.web;

import org.springframework.test.web.reactive.server.WebTestClient;

/** A WebSocket upgrade request as a browser sends it, for tests that check what a handshake is refused for. */
public final class SocketHandshakes {
    private SocketHandshakes() {
    }

    /**
     * GETs {@code path} with {@code ?access_token=token} and the upgrade headers; {@code origin} is sent as the
     * {@code Origin} header unless null.
     */
    public static WebTestClient.ResponseSpec handshake(WebTestClient web, String path, String token, String origin) {
        return web.get().uri(path + "?access_token=" + token)
                .headers(h -> {
                    if (origin != null) {
                        h.set("Origin", origin);
                    }
                })
                .header("Upgrade", "websocket").header("Connection", "Upgrade")
                .header("Sec-WebSocket-Version", "13").header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                .exchange();
    }
}
