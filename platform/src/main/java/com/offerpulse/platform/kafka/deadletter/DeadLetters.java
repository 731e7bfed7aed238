package com.offerpulse.platform.kafka.deadletter;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.offerpulse.contracts.deadletter.DeadLetter;
import com.offerpulse.contracts.topic.Topics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Quarantines records an application cannot process: writes their coordinates (never their content) to
 * {@code dead-letters.v1}, moves {@value #COUNTER}, logs one line, and returns so processing goes on. Used by the
 * plain background consumers and by the Kafka Streams exception handlers. Never throws: a dead-letter write that
 * fails is logged and counted ({@code outcome=failed}), because stopping for it would hand the poison pill's harm
 * back to every other user.
 *
 * <p>Its producer is idempotent but not transactional: a record quarantined twice (a consumer re-reading after a
 * crash) gives two dead letters with the same coordinates, which readers recognise by (topic, partition, offset).
 */
public final class DeadLetters implements AutoCloseable {
    public static final String COUNTER = "offerpulse.dead.letters";
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final String bootstrap;
    private final Map<String, Object> clientProperties;
    private final MeterRegistry meters;
    private final Clock clock;
    private volatile KafkaProducer<String, byte[]> producer;

    /**
     * @param bootstrap        the cluster to write to
     * @param clientProperties extra client settings (security, timeouts) applied to the producer
     * @param meters           where the counter lives; null for none
     */
    public DeadLetters(String bootstrap, Map<String, Object> clientProperties, MeterRegistry meters, Clock clock) {
        this.bootstrap = bootstrap;
        this.clientProperties = Map.copyOf(clientProperties);
        this.meters = meters;
        this.clock = clock;
    }

    /** Quarantines a record a plain consumer read but could not use. */
    public void quarantine(String application, DeadLetter.Stage stage, ConsumerRecord<String, byte[]> record,
            Throwable error) {
        quarantine(new DeadLetter(application, stage, record.topic(), record.partition(), record.offset(),
                record.key(), record.value() == null ? -1 : record.value().length, DeadLetter.errorOf(error),
                clock.instant()));
    }

    /** Writes the dead letter (asynchronously), counts it and logs one line with its coordinates. */
    public void quarantine(DeadLetter letter) {
        log.warn("Quarantined a record: application={} stage={} topic={} partition={} offset={} key={} size={} error={}",
                letter.application(), letter.stage(), letter.topic(), letter.partition(), letter.offset(),
                letter.key(), letter.sizeBytes(), letter.error());
        try {
            byte[] value = Topics.DEAD_LETTERS.valueSerde().serializer().serialize(Topics.DEAD_LETTERS.name(), letter);
            producer().send(new ProducerRecord<>(Topics.DEAD_LETTERS.name(), letter.key(), value), (meta, e) -> {
                if (e != null) {
                    log.error("Could not write a dead letter for {}-{}@{}: {}", letter.topic(), letter.partition(),
                            letter.offset(), e.getClass().getName());
                    count(letter, "failed");
                }
            });
            count(letter, "written");
        } catch (RuntimeException e) {
            log.error("Could not write a dead letter for {}-{}@{}: {}", letter.topic(), letter.partition(),
                    letter.offset(), e.getClass().getName());
            count(letter, "failed");
        }
    }

    private void count(DeadLetter letter, String outcome) {
        if (meters != null) {
            Counter.builder(COUNTER).description("Records quarantined to dead-letters.v1")
                    .tag("application", letter.application()).tag("stage", letter.stage().name().toLowerCase())
                    .tag("topic", letter.topic()).tag("outcome", outcome).register(meters).increment();
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        KafkaProducer<String, byte[]> p = producer;
        if (p == null) {
            synchronized (this) {
                p = producer;
                if (p == null) {
                    Map<String, Object> props = new HashMap<>(clientProperties);
                    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
                    props.put(ProducerConfig.ACKS_CONFIG, "all");
                    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                    props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
                    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
                    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
                    props.put(ProducerConfig.CLIENT_ID_CONFIG, "offerpulse-dead-letters");
                    p = new KafkaProducer<>(props);
                    producer = p;
                }
            }
        }
        return p;
    }

    @Override
    public void close() {
        KafkaProducer<String, byte[]> p = producer;
        if (p != null) {
            p.close(java.time.Duration.ofSeconds(5));
        }
    }
}
