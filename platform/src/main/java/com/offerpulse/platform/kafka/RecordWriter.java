package com.offerpulse.platform.kafka;

import java.util.List;

import reactor.core.publisher.Mono;

/** Writes a group of records all-or-nothing; completes only once every record is durably acknowledged. */
public interface RecordWriter extends AutoCloseable {
    Mono<Void> writeAll(List<OutboundRecord> records);

    @Override
    default void close() {
    }
}
