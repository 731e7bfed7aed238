package com.offerpulse.ingest.transcript;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;

import com.offerpulse.contracts.json.ContractViolation;
import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.platform.sessions.SessionRecord;
import com.offerpulse.platform.problem.ApiProblem;
import org.springframework.web.reactive.socket.CloseStatus;

import reactor.core.publisher.Mono;

/**
 * {@code WS /ws/ingest/{id}}: each text message is a batch {@code {"segments": [...]}} (optionally with a client
 * {@code ref}); each gets exactly one answer, in order: {@code {"type":"ack","accepted":n,"last_seq":s}} once Kafka
 * acknowledged it, or {@code {"type":"error","status":4xx/503,"detail":...,"field":...}} with nothing written. A bad
 * message (not JSON, not UTF-8, not a batch) does not close the socket. Binary messages are ignored.
 */
@Component
class TranscriptSocketHandler implements WebSocketHandler {
    private static final Logger log = LoggerFactory.getLogger(TranscriptSocketHandler.class);
    private final TranscriptBatchWriter batches;

    TranscriptSocketHandler(TranscriptBatchWriter batches) {
        this.batches = batches;
    }

    @Override
    public Mono<Void> handle(WebSocketSession socket) {
        Object admitted = socket.getAttributes().get(IngestSocketAdmissionFilter.SESSION_ATTRIBUTE);
        if (!(admitted instanceof SessionRecord session)) {
            // Only reachable if the admission filter is missing: refuse rather than accept an unchecked round.
            return socket.close(CloseStatus.POLICY_VIOLATION);
        }
        return serve(socket, session);
    }

    private Mono<Void> serve(WebSocketSession socket, SessionRecord session) {
        log.atInfo().addKeyValue("session_id", session.sessionId()).log("Ingest socket opened");
        return socket.send(socket.receive()
                .filter(m -> m.getType() == WebSocketMessage.Type.TEXT)
                .map(TranscriptSocketHandler::strictText)
                .concatMap(text -> text.isPresent() ? answerSafely(session, text.get())
                        : Mono.just(error(null, 400, "The message is not valid UTF-8 text.", null)))
                .map(reply -> socket.textMessage(JsonCodec.encodeToString(reply))))
                .doFinally(signal -> log.atInfo().addKeyValue("session_id", session.sessionId())
                        .addKeyValue("signal", signal.toString()).log("Ingest socket closed"));
    }

    private Mono<Map<String, Object>> answer(SessionRecord session, String text) {
        String ref = null;
        TranscriptBatchRequest request;
        try {
            SocketBatch batch = JsonCodec.decode(text, SocketBatch.class);
            if (batch == null) {
                // The JSON literal null decodes to no object at all.
                return Mono.just(error(null, 400, "A message is a JSON object {\"segments\": [...]}.", null));
            }
            ref = batch.ref();
            request = new TranscriptBatchRequest(batch.segments());
            batches.validate(request);
        } catch (ContractViolation v) {
            return Mono.just(error(ref, 400, v.getMessage(), v.field()));
        } catch (ApiProblem p) {
            return Mono.just(error(ref, p.status().value(), p.getMessage(), p.field()));
        }
        String clientRef = ref;
        return batches.write(session, request)
                .map(done -> {
                    Map<String, Object> ack = new LinkedHashMap<>();
                    ack.put("type", "ack");
                    if (clientRef != null) {
                        ack.put("ref", clientRef);
                    }
                    ack.put("accepted", done.accepted());
                    ack.put("last_seq", done.lastSeq());
                    return ack;
                })
                .onErrorResume(ApiProblem.class,
                        p -> Mono.just(error(clientRef, p.status().value(), p.getMessage(), p.field())));
    }

    /**
     * The message as text, or empty when it is not UTF-8: the framework would quietly replace the bad bytes with
     * U+FFFD and the batch would be written altered.
     */
    private static Optional<String> strictText(WebSocketMessage message) {
        DataBuffer payload = message.getPayload();
        byte[] bytes = new byte[payload.readableByteCount()];
        payload.read(bytes);
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /**
     * One message's answer; an unexpected failure is answered like the HTTP side's generic 500 (logged, nothing
     * about internals) instead of ending the socket, so a bad message never closes it.
     */
    private Mono<Map<String, Object>> answerSafely(SessionRecord session, String text) {
        return Mono.defer(() -> answer(session, text)).onErrorResume(e -> {
            log.atError().addKeyValue("session_id", session.sessionId()).setCause(e)
                    .log("Unexpected error answering an ingest socket message");
            return Mono.just(error(null, 500, "Something went wrong on our side.", null));
        });
    }

    private static Map<String, Object> error(String ref, int status, String detail, String field) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "error");
        if (ref != null) {
            m.put("ref", ref);
        }
        m.put("status", status);
        m.put("detail", detail);
        if (field != null && !field.isEmpty()) {
            m.put("field", field);
        }
        return m;
    }

    /** The socket's message: the HTTP batch plus an optional client reference echoed in the answer. */
    record SocketBatch(String ref, java.util.List<SegmentInput> segments) {
    }
}
