package com.offerpulse.testsupport.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.offerpulse.contracts.topic.Topic;
import com.offerpulse.contracts.topic.Topics;

@Timeout(90)
class KafkaHarnessIT {

    @Test
    void providesAWorkingBrokerThatCanBeStoppedAndCleansUp() throws Exception {
        long t0 = System.nanoTime();
        try (TestKafka kafka = TestKafka.start()) {
            long startMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertTrue(List.of(TestKafka.KIND_TESTCONTAINERS, TestKafka.KIND_IN_PROCESS).contains(kafka.kind()),
                    kafka.kind());
            // Without a Docker engine the probe must give up quickly (bounded at 5 s) and fall back.
            assertTrue(startMs < 20_000, "start took " + startMs + " ms");

            List<String> names = Topics.ALL.stream().map(Topic::name).toList();
            assertEquals(names, kafka.ensureTopics(2));
            assertEquals(List.of(), kafka.ensureTopics(2));

            String topic = Topics.SESSION_LIFECYCLE.name();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps(kafka, null))) {
                producer.send(new ProducerRecord<>(topic, "s1", "started")).get();
                producer.send(new ProducerRecord<>(topic, "s1", "ended")).get();
            }
            List<ConsumerRecord<String, byte[]>> records = TopicReader.readAll(kafka.bootstrapServers(), topic,
                    Duration.ofSeconds(10), true);
            assertEquals(List.of("started", "ended"), values(records));

            kafka.stopBroker();
            kafka.stopBroker();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers(), AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 1_500,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_000))) {
                assertThrows(ExecutionException.class, () -> admin.listTopics().names().get(3, TimeUnit.SECONDS));
            }
        }
    }

    @Test
    void abortedTransactionsAreInvisibleUnderReadCommitted() throws Exception {
        try (TestKafka kafka = TestKafka.start()) {
            kafka.ensureTopics(3);
            String topic = Topics.PRODUCT_EVENTS.name();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps(kafka, "tx-it"))) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(topic, "u1", "committed-1"));
                producer.send(new ProducerRecord<>(topic, "u2", "committed-2"));
                producer.commitTransaction();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(topic, "u1", "aborted"));
                producer.flush();
                producer.abortTransaction();
            }

            List<ConsumerRecord<String, byte[]>> committed = TopicReader.readAll(kafka.bootstrapServers(), topic,
                    Duration.ofSeconds(10), true);
            assertEquals(List.of("committed-1", "committed-2"), values(committed).stream().sorted().toList());

            List<ConsumerRecord<String, byte[]>> all = TopicReader.readAll(kafka.bootstrapServers(), topic,
                    Duration.ofSeconds(10), false);
            assertEquals(List.of("aborted", "committed-1", "committed-2"), values(all).stream().sorted().toList());
            assertFalse(all.isEmpty());

            assertThrows(IllegalStateException.class, () -> TopicReader.readAll(kafka.bootstrapServers(),
                    "no.such.topic", Duration.ofSeconds(5), true));
        }
    }

    private static List<String> values(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
    }

    private static Properties producerProps(TestKafka kafka, String transactionalId) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        if (transactionalId != null) {
            p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        return p;
    }
}
