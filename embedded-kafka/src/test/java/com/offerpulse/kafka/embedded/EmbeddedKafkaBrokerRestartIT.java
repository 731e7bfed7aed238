package com.offerpulse.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.offerpulse.contracts.topic.Topic;
import com.offerpulse.contracts.topic.Topics;

class EmbeddedKafkaBrokerRestartIT {

    private static final String TOPIC = Topics.TRANSCRIPT_SEGMENTS.name();

    @TempDir
    Path dataDir;

    @Test
    @Timeout(60)
    void topicsAndRecordsSurviveARestartOnTheSameDataDir() throws Exception {
        List<String> allNames = Topics.ALL.stream().map(Topic::name).toList();
        String firstClusterId;
        int firstPort;

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0)) {
            assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + broker.port());
            assertThat(broker.dataDir()).isEqualTo(dataDir.toAbsolutePath().normalize());
            assertThat(Files.exists(dataDir.resolve("meta.properties"))).isTrue();
            firstClusterId = broker.clusterId();
            firstPort = broker.port();

            List<String> created = TopicProvisioner.ensureTopics(broker.bootstrapServers(), Topics.ALL, 3,
                    (short) 1, null);
            assertThat(created).containsExactlyElementsOf(allNames);

            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps(broker))) {
                for (int i = 1; i <= 3; i++) {
                    producer.send(new ProducerRecord<>(TOPIC, "session-" + i, "segment-" + i)).get();
                }
            }
        }

        // Same data dir and, like a dev restart, the same fixed port (connections just closed by the old broker).
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, firstPort)) {
            assertThat(broker.port()).isEqualTo(firstPort);
            assertThat(broker.clusterId()).isEqualTo(firstClusterId);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    broker.bootstrapServers()))) {
                assertThat(admin.describeCluster().clusterId().get()).isEqualTo(firstClusterId);
                assertThat(admin.listTopics().names().get()).containsAll(allNames);
            }

            Map<String, String> records = readAll(broker.bootstrapServers(), TOPIC, 3);
            assertThat(records).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "session-1", "segment-1", "session-2", "segment-2", "session-3", "segment-3"));

            assertThat(TopicProvisioner.ensureTopics(broker.bootstrapServers(), Topics.ALL, 3, (short) 1, null))
                    .isEmpty();
        }
    }

    @Test
    @Timeout(30)
    void aBusyDataDirIsRefusedAndCloseIsIdempotent() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0);
        // A second node on the same dir would corrupt the metadata log (and Kafka would halt the JVM): refused.
        assertThatThrownBy(() -> EmbeddedKafkaBroker.start(dataDir, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("in use");
        broker.close();
        broker.close();
        EmbeddedKafkaBroker.start(dataDir, 0).close();
    }

    private static Properties producerProps(EmbeddedKafkaBroker broker) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        return p;
    }

    /** Reads from the beginning of every partition until {@code expected} records arrived (or 15 s passed). */
    private static Map<String, String> readAll(String bootstrap, String topic, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(PartitionInfo::partition).map(i -> new TopicPartition(topic, i)).toList();
            assertThat(partitions).hasSize(3);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records.stream().collect(Collectors.toMap(ConsumerRecord::key, ConsumerRecord::value));
    }
}
