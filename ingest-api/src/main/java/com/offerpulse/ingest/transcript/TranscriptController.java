package com.offerpulse.ingest.transcript;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.offerpulse.ingest.directory.SessionAccess;
import com.offerpulse.platform.security.CurrentUser;

import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

/** {@code POST /api/sessions/{id}/transcript}: 202 only once Kafka acknowledged every segment of the batch. */
@RestController
class TranscriptController {
    private final SessionAccess access;
    private final TranscriptBatchWriter batches;

    TranscriptController(SessionAccess access, TranscriptBatchWriter batches) {
        this.access = access;
        this.batches = batches;
    }

    @PostMapping("/api/sessions/{sessionId}/transcript")
    Mono<ResponseEntity<Accepted>> append(@PathVariable String sessionId,
            @Valid @RequestBody TranscriptBatchRequest request) {
        return CurrentUser.find()
                .flatMap(user -> access.openSessionOf(sessionId, user))
                .flatMap(session -> batches.write(session, request))
                .map(done -> ResponseEntity.status(HttpStatus.ACCEPTED).body(new Accepted(done.accepted())));
    }

    record Accepted(int accepted) {
    }
}
