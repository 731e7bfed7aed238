package com.offerpulse.realtime.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
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

/** A room client on java.net.http's WebSocket: collects every text message, records the close. */
public final class SocketClient implements AutoCloseable {
    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    public final List<JsonNode> received = new CopyOnWriteArrayList<>();
    public final CompletableFuture<String> closed = new CompletableFuture<>();
    private final WebSocket ws;
    private final boolean reading;

    private SocketClient(URI uri) {
        this(uri, true);
    }

    /** {@code reading=false}: takes the first message, then never asks for more (a client that stopped reading). */
    private SocketClient(URI uri, boolean reading) {
        this.reading = reading;
        ws = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri, new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            JsonNode n = JsonCodec.mapper().readTree(text.toString());
                            text.setLength(0);
                            received.add(n);
                            messages.add(n);
                        }
                        if (SocketClient.this.reading) {
                            webSocket.request(1);
                        }
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closed.complete(statusCode + ":" + reason);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket webSocket, Throwable error) {
                        closed.complete("error:" + error);
                    }
                }).join();
    }

    public static SocketClient connect(int port, String sessionId, String token, String query) {
        return new SocketClient(URI.create("ws://127.0.0.1:" + port + "/ws/rooms/" + sessionId + "?access_token="
                + token + (query == null ? "" : "&" + query)));
    }

    /** A client that reads the first message and then nothing more. */
    public static SocketClient connectWithoutReading(int port, String sessionId, String token, String query) {
        return new SocketClient(URI.create("ws://127.0.0.1:" + port + "/ws/rooms/" + sessionId + "?access_token="
                + token + (query == null ? "" : "&" + query)), false);
    }

    /** The next message, failing after the timeout. */
    public JsonNode next(Duration timeout) throws InterruptedException {
        JsonNode n = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (n == null) {
            throw new AssertionError("no message within " + timeout + "; got so far: " + received);
        }
        return n;
    }

    public void sendText(String text) {
        ws.sendText(text, true).join();
    }

    public void sendBinary(byte[] bytes) {
        ws.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    @Override
    public void close() {
        if (!ws.isOutputClosed()) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        ws.abort();
    }
}
