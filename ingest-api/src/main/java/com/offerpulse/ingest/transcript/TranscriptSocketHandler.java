package com.offerpulse.ingest.transcript;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;

import com.offerpulse.contracts.json.ContractViolation;
import com.offerpulse.contracts.json.JsonCodec;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.socket.CloseStatus;

import com.offerpulse.ingest.IngestSettings;
import com.offerpulse.ingest.rounds.RoundLedger;
import com.offerpulse.platform.problem.ApiProblem;
import com.offerpulse.platform.problem.SafeDetail;
import com.offerpulse.platform.sessions.SessionDirectory;
import com.offerpulse.platform.sessions.SessionRecord;
import com.offerpulse.platform.sessions.SessionStatus;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * {@code WS /ws/ingest/{id}}: each text message is a batch {@code {"segments": [...]}} (optionally with a client
 * {@code ref}); each gets exactly one answer, in order: {@code {"type":"ack","accepted":n,"last_seq":s}} once Kafka
 * acknowledged it, or {@code {"type":"error","status":4xx/503,"detail":...,"field":...}} with nothing written. A bad
 * message (not JSON, not UTF-8, not a batch) does not close the socket. Binary messages are ignored.
 *
 * <p>The socket follows its round: before each message the round is looked up again (session directory, round
 * ledger). Ended or past its duration → an error answer (409), nothing written, and the socket closes with
 * {@link #ROUND_ENDED}; deleted → 404 and {@link #ROUND_DELETED}. No message for {@code socketIdleTimeout} →
 * {@link #IDLE_TIMEOUT}. The close codes are listed in docs/ARCHITECTURE.md, "The ingest WebSocket".
 */
@Component
class TranscriptSocketHandler implements WebSocketHandler {
    /** The round ended (by the client, by the inactivity timeout) or ran for its longest duration. */
    static final CloseStatus ROUND_ENDED = new CloseStatus(4409, "round_ended");
    /** The round was deleted by its owner. */
    static final CloseStatus ROUND_DELETED = new CloseStatus(4404, "round_deleted");
    /** No message within the idle timeout. */
    static final CloseStatus IDLE_TIMEOUT = new CloseStatus(4408, "idle_timeout");

    /** How long a client has to answer our close frame before the connection is dropped. */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(TranscriptSocketHandler.class);
    private final TranscriptBatchWriter batches;
    private final SessionDirectory directory;
    private final RoundLedger ledger;
    private final Duration idleTimeout;

    TranscriptSocketHandler(TranscriptBatchWriter batches, SessionDirectory directory, RoundLedger ledger,
            IngestSettings settings) {
        this.batches = batches;
        this.directory = directory;
        this.ledger = ledger;
        this.idleTimeout = settings.socketIdleTimeout();
    }

    @Override
    public Mono<Void> handle(WebSocketSession socket) {
        Object admitted = socket.getAttributes().get(IngestSocketAdmissionFilter.SESSION_ATTRIBUTE);
        Object slot = socket.getAttributes().get(IngestSocketAdmissionFilter.SLOT_ATTRIBUTE);
        if (!(admitted instanceof SessionRecord session) || !(slot instanceof IngestSocketSlots.Slot held)) {
            // Only reachable if the admission filter is missing: refuse rather than accept an unchecked round.
            return socket.close(CloseStatus.POLICY_VIOLATION);
        }
        held.handOver();
        return serve(socket, session).doFinally(signal -> held.release());
    }

    /**
     * Replies go out through a sink, so a closing decision can send its error answer and then the close frame with
     * its code, in that order, before the inbound side is cancelled (cancelling it first makes the server close
     * without a code).
     */
    private Mono<Void> serve(WebSocketSession socket, SessionRecord session) {
        log.atInfo().addKeyValue("session_id", session.sessionId()).log("Ingest socket opened");
        AtomicReference<CloseStatus> closing = new AtomicReference<>();
        Sinks.Many<WebSocketMessage> out = Sinks.many().unicast().onBackpressureBuffer();
        Sinks.Many<Boolean> activity = Sinks.many().replay().latest();
        activity.tryEmitNext(true);

        Sinks.Empty<Void> closeSent = Sinks.empty();
        // Subscribed on its own, never cancelled: cancelling a pending close releases its frame before it is written.
        Function<CloseStatus, Mono<Void>> close = status -> Mono.fromRunnable(() -> {
            socket.close(status).subscribe(null, e -> { }, () -> { });
            closeSent.tryEmitEmpty();
        });

        Mono<Void> receiving = socket.receive()
                .doOnNext(m -> activity.tryEmitNext(true))
                .filter(m -> m.getType() == WebSocketMessage.Type.TEXT && closing.get() == null)
                .map(TranscriptSocketHandler::strictText)
                .concatMap(text -> roundStillOpen(session, text.orElse(null), closing)
                        .switchIfEmpty(Mono.defer(() -> text.isPresent() ? answerSafely(session, text.get(), closing)
                                : Mono.just(error(null, 400, "The message is not valid UTF-8 text.", null)))))
                .concatMap(reply -> {
                    out.tryEmitNext(socket.textMessage(JsonCodec.encodeToString(reply)));
                    CloseStatus status = closing.get();
                    return status == null ? Mono.<Void>empty() : close.apply(status);
                })
                .then();
        Mono<Void> idle = activity.asFlux().switchMap(any -> Mono.delay(idleTimeout)).next()
                .flatMap(any -> closing.compareAndSet(null, IDLE_TIMEOUT) ? close.apply(IDLE_TIMEOUT) : Mono.empty());
        // After our close frame the client answers with its own and the inbound side ends; one that never answers is
        // cut off after CLOSE_GRACE.
        Mono<Void> served = Mono.firstWithSignal(receiving,
                closeSent.asMono().then(Mono.delay(CLOSE_GRACE)).then());
        Mono<Void> sending = socket.send(out.asFlux()).onErrorResume(e -> Mono.empty());
        return Mono.when(sending, Mono.firstWithSignal(served, idle.then(Mono.never()))
                        .doFinally(signal -> out.tryEmitComplete()))
                .doFinally(signal -> log.atInfo().addKeyValue("session_id", session.sessionId())
                        .addKeyValue("signal", signal.toString())
                        .addKeyValue("close", closing.get() == null ? "client" : closing.get().getReason())
                        .log("Ingest socket closed"));
    }

    /**
     * Empty while the round takes segments; otherwise the error answer for this message, with the close status set.
     * Read on every message: an end or a deletion through any instance reaches the directory within a poll.
     */
    private Mono<Map<String, Object>> roundStillOpen(SessionRecord session, String text,
            AtomicReference<CloseStatus> closing) {
        return directory.find(session.sessionId())
                .onErrorResume(ApiProblem.class, p -> Mono.just(Optional.of(session)))
                .flatMap(found -> {
                    SessionStatus status = found.map(SessionRecord::status).orElse(SessionStatus.DELETED);
                    String ref = text == null ? null : refOf(text);
                    if (status == SessionStatus.DELETED) {
                        closing.compareAndSet(null, ROUND_DELETED);
                        return Mono.just(error(ref, 404, "This round was deleted; nothing was written.", null));
                    }
                    if (status == SessionStatus.ENDED) {
                        closing.compareAndSet(null, ROUND_ENDED);
                        return Mono.just(error(ref, 409, "This round has ended; nothing was written.", null));
                    }
                    if (ledger.pastDuration(session.sessionId())) {
                        closing.compareAndSet(null, ROUND_ENDED);
                        return Mono.just(error(ref, 409, ledger.overDetail(), null));
                    }
                    return Mono.empty();
                });
    }

    /** The message's {@code ref}, if it is a JSON object that has one; null otherwise. */
    private static String refOf(String text) {
        try {
            SocketBatch batch = JsonCodec.decode(text, SocketBatch.class);
            return batch == null ? null : batch.ref();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Mono<Map<String, Object>> answer(SessionRecord session, String text, AtomicReference<CloseStatus> closing) {
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
                .onErrorResume(ApiProblem.class, p -> {
                    if (p.status() == HttpStatus.CONFLICT) {
                        // The round ran out of time between the check above and the write.
                        closing.compareAndSet(null, ROUND_ENDED);
                    }
                    return Mono.just(error(clientRef, p.status().value(), p.getMessage(), p.field()));
                });
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
    private Mono<Map<String, Object>> answerSafely(SessionRecord session, String text,
            AtomicReference<CloseStatus> closing) {
        return Mono.defer(() -> answer(session, text, closing)).onErrorResume(e -> {
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
        // The same sanitising as every problem+json body: no class names or internal addresses.
        m.put("detail", SafeDetail.of(HttpStatusCode.valueOf(status), detail, field));
        if (field != null && !field.isEmpty()) {
            m.put("field", field);
        }
        return m;
    }

    /** The socket's message: the HTTP batch plus an optional client reference echoed in the answer. */
    record SocketBatch(String ref, java.util.List<SegmentInput> segments) {
    }
}
