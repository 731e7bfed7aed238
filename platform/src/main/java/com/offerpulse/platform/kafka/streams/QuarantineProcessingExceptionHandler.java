package com.offerpulse.platform.kafka.streams;

import java.time.Instant;
import java.util.Map;

import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

import com.offerpulse.contracts.deadletter.DeadLetter;

/**
 * A record whose processing throws (KIP-1033) is quarantined with the coordinates of the source record that led to it
 * and skipped, instead of failing the stream thread, which would re-read it and fail again for ever.
 */
public final class QuarantineProcessingExceptionHandler implements ProcessingExceptionHandler {
    private QuarantineSupport support;

    @Override
    public void configure(Map<String, ?> configs) {
        support = QuarantineSupport.from(configs);
    }

    @Override
    public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        byte[] raw = context.sourceRawValue();
        support.deadLetters().quarantine(new DeadLetter(support.application(), DeadLetter.Stage.PROCESSING,
                QuarantineSupport.topicOr(context.topic(), "processor:" + context.processorNodeId()),
                context.partition(), context.offset(), QuarantineSupport.keyOf(record == null ? null : record.key()),
                QuarantineSupport.sizeOf(raw), DeadLetter.errorOf(exception), Instant.now()));
        return ProcessingHandlerResponse.CONTINUE;
    }
}
