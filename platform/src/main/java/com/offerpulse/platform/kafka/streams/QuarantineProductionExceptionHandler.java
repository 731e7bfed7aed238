package com.offerpulse.platform.kafka.streams;

import java.time.Instant;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;

import com.offerpulse.contracts.deadletter.DeadLetter;

/**
 * A result that cannot be written: too large for the producer ({@link RecordTooLargeException}) or not serializable
 * is quarantined with the coordinates of the source record that produced it, and skipped. Any other send error
 * (retriable or not) keeps Kafka's default, FAIL: skipping a record the broker could not take would silently break
 * exactly-once.
 *
 * <p>What CONTINUE can and cannot save (checked against Kafka 4.1.2, docs/ARCHITECTURE.md, "Poison pills"): a
 * serialization error happens before the producer sees the record, so skipping it is clean. A
 * {@link RecordTooLargeException} is raised inside the producer, which under {@code exactly_once_v2} then puts its
 * transaction into an abortable error: Streams skips the record as told but the commit fails and the task re-reads its
 * input. Changelog sends go through this handler too (nothing singles them out), with the same outcome. So the real
 * protection is that no output or state record can grow past its budget (the round bounds); this handler leaves the
 * dead letter that names the record and is the whole fix under {@code at_least_once}.
 */
public final class QuarantineProductionExceptionHandler implements ProductionExceptionHandler {
    private QuarantineSupport support;

    @Override
    public void configure(Map<String, ?> configs) {
        support = QuarantineSupport.from(configs);
    }

    @Override
    public ProductionExceptionHandlerResponse handle(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
            Exception exception) {
        if (!(exception instanceof RecordTooLargeException)) {
            return ProductionExceptionHandlerResponse.FAIL;
        }
        quarantine(context, record.topic(), QuarantineSupport.keyOf(record.key()),
                QuarantineSupport.sizeOf(record.value()), exception);
        return ProductionExceptionHandlerResponse.CONTINUE;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public ProductionExceptionHandlerResponse handleSerializationException(ErrorHandlerContext context,
            ProducerRecord record, Exception exception, SerializationExceptionOrigin origin) {
        quarantine(context, record.topic(), QuarantineSupport.keyOf(record.key()), -1, exception);
        return ProductionExceptionHandlerResponse.CONTINUE;
    }

    /** The source record's coordinates when there is one (what to look at), else the refused output's topic. */
    private void quarantine(ErrorHandlerContext context, String outputTopic, String outputKey, long size,
            Exception exception) {
        boolean fromSource = context != null && context.topic() != null && context.offset() >= 0;
        String key = fromSource && context.sourceRawKey() != null ? QuarantineSupport.keyOf(context.sourceRawKey())
                : outputKey;
        support.deadLetters().quarantine(new DeadLetter(support.application(), DeadLetter.Stage.PRODUCTION,
                fromSource ? context.topic() : QuarantineSupport.topicOr(outputTopic, "unknown"),
                fromSource ? context.partition() : -1, fromSource ? context.offset() : -1, key, size,
                DeadLetter.errorOf(exception), Instant.now()));
    }
}
