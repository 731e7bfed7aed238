package com.offerpulse.query.views;

import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.processor.api.ProcessorContext;

/**
 * Counts records a view processor skipped instead of throwing (no key, a null value, a kind it does not know): a
 * throw would stop the stream thread and, replayed, every view with it. Exposed as the Kafka Streams metric
 * {@code skipped-records-total} in group {@value #GROUP} with tag {@code offerpulse-query-id=<processor>}, which
 * the Micrometer binder publishes with the other Streams metrics.
 */
final class SkippedRecords {
    static final String SCOPE = "offerpulse-query";
    static final String GROUP = "stream-" + SCOPE + "-metrics";
    static final String OPERATION = "skipped-records";

    private final Sensor sensor;

    SkippedRecords(ProcessorContext<?, ?> context, String processor) {
        this.sensor = context.metrics().addRateTotalSensor(SCOPE, processor, OPERATION, Sensor.RecordingLevel.INFO);
    }

    void record() {
        sensor.record();
    }
}
