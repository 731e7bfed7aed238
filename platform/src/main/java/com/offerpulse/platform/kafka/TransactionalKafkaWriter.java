package com.offerpulse.platform.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import com.offerpulse.platform.problem.ApiProblem;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Writes a group of records all-or-nothing: one Kafka transaction (idempotent producer, acks=all) per call, and
 * the returned Mono completes only after the broker acknowledged and committed every record. Readers use
 * read_committed, so an aborted group is never seen. Any Kafka failure surfaces as a 503 {@link ApiProblem}.
 */
public final class TransactionalKafkaWriter implements RecordWriter {
    private static final Logger log = LoggerFactory.getLogger(TransactionalKafkaWriter.class);

    private final DefaultKafkaProducerFactory<String, byte[]> producerFactory;
    private final KafkaTemplate<String, byte[]> template;
    private final KafkaSettings settings;
    private final Timer okTimer;
    private final Timer failedTimer;

    public TransactionalKafkaWriter(KafkaSettings settings, String transactionalIdPrefix, MeterRegistry meters) {
        this.settings = settings;
        Map<String, Object> props = new HashMap<>(settings.clientProperties());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // A write right after the previous commit is answered CONCURRENT_TRANSACTIONS until its marker is written;
        // retry at once instead of after Kafka's default 100 ms (LowLatencyStreamsConfig says why).
        props.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, LowLatencyStreamsConfig.PRODUCER_RETRY_BACKOFF_MS);
        props.put(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, LowLatencyStreamsConfig.PRODUCER_RETRY_BACKOFF_MAX_MS);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) settings.maxBlock().toMillis());
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) settings.requestTimeout().toMillis());
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) settings.deliveryTimeout().toMillis());
        props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) settings.transactionTimeout().toMillis());
        this.producerFactory = new DefaultKafkaProducerFactory<>(props);
        this.producerFactory.setTransactionIdPrefix(transactionalIdPrefix);
        this.template = new KafkaTemplate<>(producerFactory);
        this.okTimer = Timer.builder("offerpulse.kafka.write").tag("prefix", transactionalIdPrefix)
                .tag("outcome", "committed").publishPercentiles(0.5, 0.95, 0.99).register(meters);
        this.failedTimer = Timer.builder("offerpulse.kafka.write").tag("prefix", transactionalIdPrefix)
                .tag("outcome", "failed").register(meters);
    }

    @Override
    public Mono<Void> writeAll(List<OutboundRecord> records) {
        if (records.isEmpty()) {
            return Mono.empty();
        }
        return Mono.<Void>fromRunnable(() -> writeBlocking(records))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private void writeBlocking(List<OutboundRecord> records) {
        long start = System.nanoTime();
        try {
            template.executeInTransaction(ops -> {
                List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>(records.size());
                for (OutboundRecord r : records) {
                    sends.add(ops.send(new ProducerRecord<>(r.topic(), r.key(), r.value())));
                }
                // Commit flushes; joining first turns a failed send into an abort instead of a commit attempt.
                CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
                return null;
            });
            okTimer.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            failedTimer.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
            log.warn("Kafka write of {} records failed and was aborted: {}", records.size(), rootMessage(e));
            throw ApiProblem.unavailable("The event store did not acknowledge the write, so nothing was written. "
                    + "Retry shortly.", settings.retryAfter());
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getClass().getSimpleName() + ": " + c.getMessage();
    }

    @Override
    public void close() {
        producerFactory.destroy();
    }
}
