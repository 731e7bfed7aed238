package com.offerpulse.platform.kafka.streams;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

import com.offerpulse.contracts.deadletter.DeadLetter;

/**
 * A record whose key or value cannot be decoded (a poison pill) is quarantined to {@code dead-letters.v1} with its
 * coordinates, never its content, and skipped: the other records of its partition go on (docs/ARCHITECTURE.md,
 * "Poison pills"). Replaces Kafka's log-and-continue, which left no trace but a log line.
 */
public final class QuarantineDeserializationExceptionHandler implements DeserializationExceptionHandler {
    private QuarantineSupport support;

    @Override
    public void configure(Map<String, ?> configs) {
        support = QuarantineSupport.from(configs);
    }

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
            Exception exception) {
        support.deadLetters().quarantine(new DeadLetter(support.application(), DeadLetter.Stage.DESERIALIZATION,
                record.topic(), record.partition(), record.offset(), QuarantineSupport.keyOf(record.key()),
                QuarantineSupport.sizeOf(record.value()), DeadLetter.errorOf(exception),
                java.time.Instant.now()));
        return DeserializationHandlerResponse.CONTINUE;
    }
}
