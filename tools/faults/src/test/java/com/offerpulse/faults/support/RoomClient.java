package com.offerpulse.faults.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.offerpulse.contracts.json.JsonCodec;

import tools.jackson.databind.JsonNode;

/**
 * A browser-like room client ({@code WS /ws/rooms/{id}}) on java.net.http: collects every message, and records how
 * the socket ended — a close frame ({@code "1011:redis_unavailable"}) or a dropped connection
 * ({@code "dropped: ..."}, e.g. the instance was killed).
 */
public final class RoomClient implements AutoCloseable {
    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    public final List<JsonNode> received = new CopyOnWriteArrayList<>();
    /** {@link System#nanoTime()} at which each of {@link #received} arrived. */
    public final List<Long> arrivals = new CopyOnWriteArrayList<>();
    public final CompletableFuture<String> ended = new CompletableFuture<>();
    private final WebSocket ws;

    private RoomClient(URI uri) {
        ws = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri, new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            JsonNode n = JsonCodec.mapper().readTree(text.toString());
                            text.setLength(0);
                            arrivals.add(System.nanoTime());
                            received.add(n);
                            messages.add(n);
                        }
                        socket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
                        ended.complete(statusCode + ":" + reason);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket socket, Throwable error) {
                        ended.complete("dropped: " + error);
                    }
                }).orTimeout(10, TimeUnit.SECONDS).join();
    }

    /**
     * Joins {@code sessionId}'s room on the instance at {@code port}; {@code recovery} is {@code null} or
     * {@code "last_seq=N&epoch=E"}. Throws when the handshake is refused.
     */
    public static RoomClient join(int port, String sessionId, String token, String recovery) {
        String query = "access_token=" + token + (recovery == null ? "" : "&" + recovery);
        return new RoomClient(URI.create("ws://127.0.0.1:" + port + "/ws/rooms/" + sessionId + "?" + query));
    }

    /** The next message, or an AssertionError naming what was received so far. */
    public JsonNode next(Duration timeout) throws InterruptedException {
        JsonNode n = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (n == null) {
            throw new AssertionError("No room message within " + timeout + " (ended: " + ended.getNow("no")
                    + ", received " + received.size() + ")");
        }
        return n;
    }

    @Override
    public void close() {
        if (!ended.isDone()) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(2, TimeUnit.SECONDS)
                    .exceptionally(e -> null).join();
        }
        ws.abort();
    }
}
