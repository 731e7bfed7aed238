package com.offerpulse.ingest.testimonials;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.offerpulse.contracts.growth.ProductEvent;
import com.offerpulse.contracts.growth.ProductEventName;
import com.offerpulse.contracts.growth.Testimonial;
import com.offerpulse.contracts.json.ContractViolation;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.platform.kafka.OutboundRecord;
import com.offerpulse.platform.kafka.RecordWriter;
import com.offerpulse.platform.problem.ApiProblem;
import com.offerpulse.platform.security.CurrentUser;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

/**
 * The testimonial loop's commands. Each is one Kafka transaction, answered 202 only once Kafka acknowledged it; the
 * stream processor turns the product events into the prompt state ({@code user.prompts.v1}) that every device reads.
 * The testimonial text is never logged.
 */
@RestController
class TestimonialController {
    private static final Logger log = LoggerFactory.getLogger(TestimonialController.class);

    private final RecordWriter writer;
    private final Clock clock;
    private final Counter dismissed;
    private final Counter submitted;

    TestimonialController(RecordWriter writer, Clock clock, MeterRegistry meters) {
        this.writer = writer;
        this.clock = clock;
        this.dismissed = Counter.builder("offerpulse.testimonials").tag("outcome", "dismissed").register(meters);
        this.submitted = Counter.builder("offerpulse.testimonials").tag("outcome", "submitted").register(meters);
    }

    /** "Not now": keeps the prompt away for the rest of the cycle, on every device. */
    @PostMapping("/api/user/prompts/testimonial/dismiss")
    Mono<ResponseEntity<PromptStateAccepted>> dismiss() {
        return CurrentUser.find().flatMap(user -> {
            ProductEvent event = new ProductEvent(UUID.randomUUID().toString(), ProductEventName.TESTIMONIAL_DISMISSED,
                    null, user.userId(), null, Map.of(), clock.instant());
            return writer.writeAll(List.of(OutboundRecord.of(Topics.PRODUCT_EVENTS, event.partitionKey(), event)))
                    .then(Mono.fromRunnable(() -> {
                        dismissed.increment();
                        log.atInfo().addKeyValue("user_id", user.userId()).log("Testimonial prompt dismissed");
                    }))
                    .thenReturn(ResponseEntity.status(HttpStatus.ACCEPTED).body(PromptStateAccepted.DISMISSED));
        });
    }

    /** Stores the testimonial and the {@code testimonial_submitted} event together: both or neither. */
    @PostMapping("/api/testimonials")
    Mono<ResponseEntity<PromptStateAccepted>> submit(@Valid @RequestBody TestimonialRequest request) {
        return CurrentUser.find().flatMap(user -> {
            Instant now = clock.instant();
            String id = UUID.randomUUID().toString();
            Testimonial testimonial;
            try {
                testimonial = new Testimonial(id, user.userId(), request.text().strip(), request.consent(),
                        request.sessionId(), now);
            } catch (ContractViolation v) {
                return Mono.error(ApiProblem.badRequest(v.field(), v.getMessage()));
            }
            ProductEvent event = new ProductEvent(UUID.randomUUID().toString(),
                    ProductEventName.TESTIMONIAL_SUBMITTED, null, user.userId(), request.sessionId(),
                    Map.of("testimonial_id", id, "consent", Boolean.toString(request.consent())), now);
            return writer.writeAll(List.of(
                    OutboundRecord.of(Topics.USER_TESTIMONIALS, user.userId(), testimonial),
                    OutboundRecord.of(Topics.PRODUCT_EVENTS, event.partitionKey(), event)))
                    .then(Mono.fromRunnable(() -> {
                        submitted.increment();
                        log.atInfo().addKeyValue("user_id", user.userId()).addKeyValue("consent", request.consent())
                                .log("Testimonial submitted");
                    }))
                    .thenReturn(ResponseEntity.status(HttpStatus.ACCEPTED).body(PromptStateAccepted.SUBMITTED));
        });
    }
}
