package com.offerpulse.ingest.transcript;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * message does not close the socket.
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
                .map(WebSocketMessage::getPayloadAsText)
                .concatMap(text -> answer(session, text))
                .map(reply -> socket.textMessage(JsonCodec.encodeToString(reply))))
                .doFinally(signal -> log.atInfo().addKeyValue("session_id", session.sessionId())
                        .addKeyValue("signal", signal.toString()).log("Ingest socket closed"));
    }

    private Mono<Map<String, Object>> answer(SessionRecord session, String text) {
        String ref = null;
        TranscriptBatchRequest request;
        try {
            SocketBatch batch = JsonCodec.decode(text, SocketBatch.class);
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
