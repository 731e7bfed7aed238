package com.offerpulse.query.share;

import java.util.List;

import com.offerpulse.platform.kafka.OutboundRecord;
import com.offerpulse.platform.kafka.RecordWriter;

import reactor.core.publisher.Mono;

/** One Kafka transaction per call; completes only once the broker acknowledged and committed it. */
final class KafkaShareWriter implements ShareWriter, AutoCloseable {
    private final RecordWriter transactions;

    KafkaShareWriter(RecordWriter transactions) {
        this.transactions = transactions;
    }

    @Override
    public Mono<Void> write(List<OutboundRecord> records) {
        return transactions.writeAll(records);
    }

    @Override
    public void close() {
        transactions.close();
    }
}
