package com.offerpulse.platform.kafka.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler.DeserializationHandlerResponse;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler.ProcessingHandlerResponse;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.ProductionExceptionHandlerResponse;
import org.apache.kafka.streams.errors.ProductionExceptionHandler.SerializationExceptionOrigin;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.offerpulse.platform.kafka.deadletter.DeadLetters;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Which failures the quarantining handlers skip and which keep Kafka's FAIL (docs/ARCHITECTURE.md, "Poison pills").
 * The dead letters go to an unreachable cluster here: the writer counts them either way and never throws.
 */
class QuarantineHandlersTest {
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final DeadLetters deadLetters = new DeadLetters("127.0.0.1:1",
            Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1), meters, Clock.systemUTC());

    @AfterEach
    void close() {
        deadLetters.close();
    }

    private Map<String, Object> config() {
        Map<String, Object> c = new HashMap<>();
        c.put(StreamsConfig.APPLICATION_ID_CONFIG, "app-1");
        c.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        c.put(QuarantineSupport.DEAD_LETTERS, deadLetters);
        return c;
    }

    private double counted(String stage) {
        return meters.find(DeadLetters.COUNTER).tag("stage", stage).tag("application", "app-1").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    @Test
    void shouldSkipAndCountAnUndecodableRecord() {
        QuarantineDeserializationExceptionHandler handler = new QuarantineDeserializationExceptionHandler();
        handler.configure(config());
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("transcript.segments.v1", 2, 41,
                "s_1".getBytes(StandardCharsets.UTF_8), "{oops".getBytes(StandardCharsets.UTF_8));

        assertThat(handler.handle(context(), record, new SerializationException("bad")))
                .isEqualTo(DeserializationHandlerResponse.CONTINUE);
        assertThat(counted("deserialization")).isPositive();
    }

    @Test
    void shouldSkipAndCountARecordWhoseProcessingThrows() {
        QuarantineProcessingExceptionHandler handler = new QuarantineProcessingExceptionHandler();
        handler.configure(config());

        assertThat(handler.handle(context(), new Record<>("s_1", "v", 0L), new IllegalStateException("x")))
                .isEqualTo(ProcessingHandlerResponse.CONTINUE);
        assertThat(counted("processing")).isPositive();
    }

    @Test
    void shouldSkipOnlyRecordsTooLargeOrUnserializableAndFailOnOtherSendErrors() {
        QuarantineProductionExceptionHandler handler = new QuarantineProductionExceptionHandler();
        handler.configure(config());
        ProducerRecord<byte[], byte[]> out = new ProducerRecord<>("session.meters.v1", new byte[] {'k'},
                new byte[2_000_000]);

        assertThat(handler.handle(context(), out, new RecordTooLargeException("big")))
                .isEqualTo(ProductionExceptionHandlerResponse.CONTINUE);
        assertThat(handler.handleSerializationException(context(), new ProducerRecord<>("t", "k", "v"),
                new SerializationException("no"), SerializationExceptionOrigin.VALUE))
                .isEqualTo(ProductionExceptionHandlerResponse.CONTINUE);
        assertThat(counted("production")).isGreaterThanOrEqualTo(2);

        assertThat(handler.handle(context(), out, new NotEnoughReplicasException("retriable")))
                .as("retriable errors keep Kafka's FAIL: exactly-once is never silently broken")
                .isEqualTo(ProductionExceptionHandlerResponse.FAIL);
        assertThat(handler.handle(context(), out, new IllegalStateException("other")))
                .isEqualTo(ProductionExceptionHandlerResponse.FAIL);
    }

    @Test
    void shouldMakeItsOwnWriterFromTheBootstrapServersWhenNoneIsGiven() {
        Map<String, Object> c = config();
        c.remove(QuarantineSupport.DEAD_LETTERS);

        QuarantineSupport support = QuarantineSupport.from(c);

        assertThat(support.deadLetters()).isNotNull().isSameAs(QuarantineSupport.from(c).deadLetters());
        assertThat(support.application()).isEqualTo("app-1");
    }

    private static ErrorHandlerContext context() {
        return new ErrorHandlerContext() {
            public String topic() {
                return "transcript.segments.v1";
            }

            public int partition() {
                return 2;
            }

            public long offset() {
                return 41;
            }

            public org.apache.kafka.common.header.Headers headers() {
                return new RecordHeaders();
            }

            public String processorNodeId() {
                return "rounds";
            }

            public TaskId taskId() {
                return new TaskId(0, 2);
            }

            public long timestamp() {
                return 0;
            }

            public byte[] sourceRawKey() {
                return "s_1".getBytes(StandardCharsets.UTF_8);
            }

            public byte[] sourceRawValue() {
                return "{}".getBytes(StandardCharsets.UTF_8);
            }
        };
    }
}
