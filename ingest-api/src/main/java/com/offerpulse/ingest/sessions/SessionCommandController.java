package com.offerpulse.ingest.sessions;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.offerpulse.contracts.growth.ProductEvent;
import com.offerpulse.contracts.growth.ProductEventName;
import com.offerpulse.contracts.session.EndReason;
import com.offerpulse.contracts.session.SessionDeleted;
import com.offerpulse.contracts.session.SessionEnded;
import com.offerpulse.contracts.session.SessionStarted;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.ingest.directory.SessionAccess;
import com.offerpulse.ingest.rounds.RoundLedger;
import com.offerpulse.platform.sessions.SessionDirectory;
import com.offerpulse.platform.sessions.SessionRecord;
import com.offerpulse.platform.sessions.SessionStatus;
import com.offerpulse.platform.kafka.OutboundRecord;
import com.offerpulse.platform.kafka.RecordWriter;
import com.offerpulse.platform.security.AuthenticatedUser;
import com.offerpulse.platform.security.CurrentUser;

import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

/** Starting and ending a round. */
@RestController
class SessionCommandController {
    private static final Logger log = LoggerFactory.getLogger(SessionCommandController.class);

    private final RecordWriter writer;
    private final SessionDirectory directory;
    private final SessionAccess access;
    private final Clock clock;
    private final RoundLedger ledger;

    SessionCommandController(RecordWriter writer, SessionDirectory directory, SessionAccess access, Clock clock,
            RoundLedger ledger) {
        this.ledger = ledger;
        this.writer = writer;
        this.directory = directory;
        this.access = access;
        this.clock = clock;
    }

    /**
     * Writes SessionStarted and the {@code session_started} product event in one transaction, once the user is
     * within their open-round and start-rate bounds ({@link RoundLedger}; 429 otherwise).
     */
    @PostMapping("/api/sessions")
    Mono<ResponseEntity<SessionCreated>> start(@Valid @RequestBody StartSessionRequest request) {
        return CurrentUser.find().flatMap(user -> {
            String sessionId = SessionIds.next();
            return ledger.reserveStart(user.userId(), sessionId)
                    .then(Mono.defer(() -> write(request, user, sessionId)))
                    .doOnError(e -> ledger.forget(sessionId));
        });
    }

    private Mono<ResponseEntity<SessionCreated>> write(StartSessionRequest request, AuthenticatedUser user,
            String sessionId) {
        Instant now = clock.instant();
        SessionStarted started = new SessionStarted(UUID.randomUUID().toString(), sessionId, user.userId(),
                request.question().trim(), request.roleOrDefault(), now);
        ProductEvent event = new ProductEvent(UUID.randomUUID().toString(), ProductEventName.SESSION_STARTED, null,
                user.userId(), sessionId, java.util.Map.of("target_role", request.roleOrDefault()), now);
        return writer.writeAll(List.of(
                OutboundRecord.of(Topics.SESSION_LIFECYCLE, sessionId, started),
                OutboundRecord.of(Topics.PRODUCT_EVENTS, event.partitionKey(), event)))
                .then(Mono.fromRunnable(() -> {
                    directory.remember(new SessionRecord(sessionId, user.userId(), SessionStatus.OPEN));
                    log.atInfo().addKeyValue("session_id", sessionId).addKeyValue("user_id", user.userId())
                            .log("Round started");
                }))
                .thenReturn(ResponseEntity.created(URI.create("/api/sessions/" + sessionId))
                        .body(new SessionCreated(sessionId)));
    }

    /**
     * {@code DELETE /api/sessions/{id}}: the owner deletes a round (open or ended). A {@code SessionDeleted} event;
     * the stream processor recomputes the user's offer probability and every view drops the round.
     */
    @DeleteMapping("/api/sessions/{sessionId}")
    Mono<ResponseEntity<SessionEndAccepted>> delete(@PathVariable String sessionId) {
        return CurrentUser.find().flatMap(user -> access.ownedSessionOf(sessionId, user)).flatMap(session -> {
            SessionDeleted deleted = new SessionDeleted(UUID.randomUUID().toString(), sessionId, session.userId(),
                    clock.instant());
            return writer.writeAll(List.of(OutboundRecord.of(Topics.SESSION_LIFECYCLE, sessionId, deleted)))
                    .then(Mono.fromRunnable(() -> {
                        directory.remember(session.withStatus(SessionStatus.DELETED));
                        ledger.over(sessionId);
                        log.atInfo().addKeyValue("session_id", sessionId).log("Round deleted by its owner");
                    }))
                    .thenReturn(ResponseEntity.status(HttpStatus.ACCEPTED)
                            .body(new SessionEndAccepted(sessionId, "deleted")));
        });
    }

    @PostMapping("/api/sessions/{sessionId}/end")
    Mono<ResponseEntity<SessionEndAccepted>> end(@PathVariable String sessionId) {
        return CurrentUser.find().flatMap(user -> access.openSessionOf(sessionId, user)).flatMap(session -> {
            SessionEnded ended = new SessionEnded(UUID.randomUUID().toString(), sessionId, session.userId(),
                    EndReason.CLIENT, clock.instant());
            return writer.writeAll(List.of(OutboundRecord.of(Topics.SESSION_LIFECYCLE, sessionId, ended)))
                    .then(Mono.fromRunnable(() -> {
                        directory.remember(session.withStatus(SessionStatus.ENDED));
                        ledger.over(sessionId);
                        log.atInfo().addKeyValue("session_id", sessionId).log("Round ended by the candidate");
                    }))
                    .thenReturn(ResponseEntity.status(HttpStatus.ACCEPTED)
                            .body(new SessionEndAccepted(sessionId, "ended")));
        });
    }
}
