package com.offerpulse.query.share;

import java.util.List;

import com.offerpulse.platform.kafka.OutboundRecord;

import reactor.core.publisher.Mono;

/**
 * Writes the share feature's records all-or-nothing (the query API's one exception to "the read side never
 * writes"). Its own type rather than a {@code RecordWriter} bean, so the launcher, which also holds the ingest
 * API's writer, never has two beans of one type.
 */
public interface ShareWriter {
    Mono<Void> write(List<OutboundRecord> records);
}
