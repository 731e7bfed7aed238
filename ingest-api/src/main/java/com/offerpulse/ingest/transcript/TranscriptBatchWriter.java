package com.offerpulse.ingest.transcript;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.offerpulse.contracts.json.ContractViolation;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.contracts.transcript.TranscriptSegment;
import com.offerpulse.ingest.IngestSettings;
import com.offerpulse.ingest.rounds.RoundLedger;
import com.offerpulse.platform.sessions.SessionRecord;
import com.offerpulse.platform.kafka.OutboundRecord;
import com.offerpulse.platform.kafka.RecordWriter;
import com.offerpulse.platform.problem.ApiProblem;
import com.offerpulse.platform.web.ClientRateLimiter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import reactor.core.publisher.Mono;

/**
 * Validates a whole batch first, counts it against its round's bounds ({@link RoundLedger}: segments, characters,
 * duration), then writes it in one transaction: either every segment is on the topic or none is, and a batch that
 * would cross a bound is refused whole. Shared by the HTTP endpoint and the ingest WebSocket. Concurrent batches share transactions
 * ({@link TranscriptGroupCommit}).
 */
@Component
class TranscriptBatchWriter {
    private static final Logger log = LoggerFactory.getLogger(TranscriptBatchWriter.class);

    private final TranscriptGroupCommit writer;
    private final Validator validator;
    private final IngestSettings settings;
    private final Clock clock;
    private final Counter accepted;
    private final RoundLedger ledger;
    /** Characters per user per second: the stream processor's queue is shared, so nobody may fill it alone. */
    private final ClientRateLimiter perUser;

    TranscriptBatchWriter(RecordWriter writer, Validator validator, IngestSettings settings, Clock clock,
            MeterRegistry meters, RoundLedger ledger) {
        this.ledger = ledger;
        this.perUser = new ClientRateLimiter(settings.userCharactersPerSecond(), settings.userCharactersBurst(),
                settings.maxTrackedKeys());
        this.writer = new TranscriptGroupCommit(writer, TranscriptGroupCommit.MAX_RECORDS_PER_TRANSACTION, meters);
        this.validator = validator;
        this.settings = settings;
        this.clock = clock;
        this.accepted = Counter.builder("offerpulse.ingest.segments.accepted")
                .description("Transcript segments acknowledged by Kafka").register(meters);
    }

    /** For callers that decoded the body themselves (WebSocket): runs the Bean Validation the controller gets. */
    void validate(TranscriptBatchRequest request) {
        Set<ConstraintViolation<TranscriptBatchRequest>> violations = validator.validate(request);
        violations.stream()
                .min(java.util.Comparator.comparing(v -> v.getPropertyPath().toString()))
                .ifPresent(v -> {
                    String field = WirePaths.of(v.getPropertyPath().toString());
                    throw ApiProblem.badRequest(field, "'" + field + "' " + v.getMessage());
                });
    }

    Mono<BatchAccepted> write(SessionRecord session, TranscriptBatchRequest request) {
        List<SegmentInput> inputs = request.segments();
        if (inputs.size() > settings.maxSegmentsPerBatch()) {
            return Mono.error(ApiProblem.badRequest("segments", "A batch holds at most "
                    + settings.maxSegmentsPerBatch() + " segments; this one has " + inputs.size() + "."));
        }
        Instant now = clock.instant();
        List<OutboundRecord> records = new ArrayList<>(inputs.size());
        long lastSeq = -1;
        long characters = 0;
        for (int i = 0; i < inputs.size(); i++) {
            SegmentInput in = inputs.get(i);
            if (in.text().length() > settings.maxCharactersPerSegment()) {
                String field = "segments[" + i + "].text";
                return Mono.error(ApiProblem.badRequest(field, String.format("'%s' must be at most %,d characters",
                        field, settings.maxCharactersPerSegment())));
            }
            characters += in.text().length();
            try {
                TranscriptSegment segment = new TranscriptSegment(
                        TranscriptSegment.eventIdOf(session.sessionId(), in.seq()), session.sessionId(),
                        session.userId(), in.seq(), in.speaker(), in.text(), in.startMs(), in.endMs(),
                        in.finalSegment(), now);
                records.add(OutboundRecord.of(Topics.TRANSCRIPT_SEGMENTS, session.sessionId(), segment));
                lastSeq = Math.max(lastSeq, in.seq());
            } catch (ContractViolation v) {
                ContractViolation at = v.under("segments[" + i + "]");
                return Mono.error(ApiProblem.badRequest(at.field(), at.getMessage()));
            }
        }
        long last = lastSeq;
        int count = records.size();
        long chars = characters;
        try {
            ledger.reserveSegments(session.sessionId(), session.userId(), count, chars);
        } catch (ApiProblem p) {
            return Mono.error(p);
        }
        // After the round's bounds (so a batch they refuse costs no allowance; a batch they admit is at most a round's
        // characters, which the burst always covers).
        java.util.Optional<java.time.Duration> wait = perUser.tryAcquire(session.userId(), chars, System.nanoTime());
        if (wait.isPresent()) {
            ledger.giveBack(session.sessionId(), count, chars);
            return Mono.error(ApiProblem.tooManyRequests(String.format(
                    "You are sending transcript faster than anyone speaks (at most %,.0f characters a second); "
                            + "send the rest in a moment.", settings.userCharactersPerSecond()), wait.get()));
        }
        return writer.writeAll(records).doOnError(e -> ledger.giveBack(session.sessionId(), count, chars))
                .then(Mono.fromSupplier(() -> {
            accepted.increment(records.size());
            log.atDebug().addKeyValue("session_id", session.sessionId()).addKeyValue("segments", records.size())
                    .addKeyValue("last_seq", last).log("Transcript batch written");
            return new BatchAccepted(records.size(), last);
        }));
    }
}
