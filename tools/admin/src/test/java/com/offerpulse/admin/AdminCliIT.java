package com.offerpulse.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.kafka.embedded.TopicProvisioner;
import com.offerpulse.testsupport.kafka.TestKafka;

/**
 * The CLI against a real (in-process) broker: topics the embedded default's provisioner creates pass
 * {@code topics check} with the same layout (so the two cannot drift), a partition change is refused, lag is counted
 * per group and topic, and a Streams reset is refused while the application runs and only happens with --yes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminCliIT {
    private static TestKafka kafka;
    private static String bootstrap;

    @BeforeAll
    static void start() {
        kafka = TestKafka.start();
        bootstrap = kafka.bootstrapServers();
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    private static Cli cli(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--bootstrap";
        all[args.length + 1] = bootstrap;
        return Cli.run(all);
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    @Test
    @Order(1)
    void shouldCreateWhatIsMissingAndCheckTopicsTheProvisionerMadeWithTheSameLayout() throws Exception {
        // Half the registry from the embedded default's provisioner, the rest from the CLI: one layout for both.
        TopicProvisioner.ensureTopics(bootstrap, Topics.ALL.subList(0, 6),
                new TopicProvisioner.TopicSettings(6, (short) 1, 1, Duration.ofDays(7)));
        Cli dry = cli("topics", "create", "--replication", "1", "--min-insync", "1", "--dry-run");
        assertThat(dry.exit()).isZero();
        assertThat(dry.out()).contains("would create " + Topics.DEAD_LETTERS.name())
                .doesNotContain("would create " + Topics.TRANSCRIPT_SEGMENTS.name());
        try (Admin admin = admin()) {
            assertThat(admin.listTopics().names().get()).doesNotContain(Topics.DEAD_LETTERS.name());
        }

        Cli create = cli("topics", "create", "--replication", "1", "--min-insync", "1");
        assertThat(create.exit()).as(create.err()).isZero();
        assertThat(create.out()).contains((Topics.ALL.size() - 6) + " of " + Topics.ALL.size() + " topics created");

        Cli check = cli("topics", "check", "--replication", "1", "--min-insync", "1");
        assertThat(check.exit()).as(check.out()).isZero();
        assertThat(check.out()).contains("all " + Topics.ALL.size() + " topics ok");

        Cli again = cli("topics", "create", "--replication", "1", "--min-insync", "1");
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("0 of " + Topics.ALL.size() + " topics created");
    }

    @Test
    @Order(2)
    void shouldRefuseAPartitionCountChangeAndCreateNothing() throws Exception {
        try (Admin admin = admin()) {
            admin.deleteTopics(List.of(Topics.DEAD_LETTERS.name())).all().get(30, TimeUnit.SECONDS);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                    () -> !admin.listTopics().names().get().contains(Topics.DEAD_LETTERS.name()));
        }
        Cli create = cli("topics", "create", "--replication", "1", "--min-insync", "1", "--partitions", "12");
        assertThat(create.exit()).isEqualTo(AdminCli.FAILED);
        assertThat(create.err()).contains("refused: " + Topics.TRANSCRIPT_SEGMENTS.name() + " has 6 partitions")
                .contains("Nothing created");
        try (Admin admin = admin()) {
            assertThat(admin.listTopics().names().get()).as("the missing topic was not created either")
                    .doesNotContain(Topics.DEAD_LETTERS.name());
        }
        Cli check = cli("topics", "check", "--replication", "1", "--min-insync", "1");
        assertThat(check.exit()).isEqualTo(AdminCli.FAILED);
        assertThat(check.out()).containsPattern(Topics.DEAD_LETTERS.name() + "\\s+missing");
        Cli checkConfigs = cli("topics", "check", "--replication", "1", "--min-insync", "1", "--retention", "3d");
        assertThat(checkConfigs.out()).contains("retention.ms=604800000 (expected 259200000)");
        assertThat(cli("topics", "create", "--replication", "1", "--min-insync", "1").exit()).isZero();
    }

    @Test
    @Order(3)
    void shouldCountLagPerGroupAndTopicAndFailAboveMaxLag() throws Exception {
        String topic = Topics.SESSION_METERS.name();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>(topic, 0, "s" + i, "{}")).get();
            }
        }
        // The realtime group has read two of the five records of partition 0.
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "offerpulse-realtime"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.commitSync(Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(2)));
        }
        Cli lag = cli("lag", "--group", "offerpulse-realtime");
        assertThat(lag.exit()).as(lag.err()).isZero();
        assertThat(lag.out()).containsPattern("offerpulse-realtime\\s+\\S+\\s+\\S+\\s+" + topic + "\\s+3\\s+3");
        Cli over = cli("lag", "--group", "offerpulse-realtime", "--max-lag", "2");
        assertThat(over.exit()).isEqualTo(AdminCli.FAILED);
        assertThat(over.err()).contains("lag 3 exceeds --max-lag 2");
        Cli all = cli("lag");
        assertThat(all.exit()).as(all.err()).isZero();
        assertThat(all.out()).contains("offerpulse-stream").contains("(no committed offsets)");
    }

    @Test
    @Order(4)
    void shouldResetAStreamsApplicationOnlyWithYesAndNeverWhileItRuns(@TempDir Path dir) throws Exception {
        String changelog = "offerpulse-query-session-views-changelog";
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(changelog, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "offerpulse-query");
        try (var running = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            running.subscribe(List.of(Topics.SESSION_METERS.name()));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                running.poll(Duration.ofMillis(100));
                return !running.assignment().isEmpty();
            });
            running.commitSync();
            Cli refused = cli("streams", "reset", "offerpulse-query", "--yes");
            assertThat(refused.exit()).isEqualTo(AdminCli.FAILED);
            assertThat(refused.err()).contains("running member").contains("Nothing changed");
        }
        Cli dry = cli("streams", "reset", "offerpulse-query");
        assertThat(dry.exit()).isEqualTo(AdminCli.FAILED);
        assertThat(dry.out()).contains("would delete internal topic " + changelog);
        assertThat(dry.err()).contains("Add --yes");
        try (Admin admin = admin()) {
            assertThat(admin.listTopics().names().get()).contains(changelog);
        }

        Path config = dir.resolve("client.properties");
        Files.writeString(config, "client.id=operator-test\n");
        Cli reset = cli("streams", "reset", "offerpulse-query", "--yes", "--command-config", config.toString());
        assertThat(reset.exit()).as(reset.err()).isZero();
        assertThat(reset.out()).contains("offerpulse-query reset: 1 internal topics deleted");
        try (Admin admin = admin()) {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> !admin.listTopics().names().get().contains(changelog));
            assertThat(admin.listConsumerGroupOffsets("offerpulse-query").partitionsToOffsetAndMetadata().get())
                    .isEmpty();
            assertThat(admin.listTopics().names().get()).contains(Topics.SESSION_METERS.name());
        }
    }

    @Test
    @Order(5)
    void shouldSayTheClusterHasNoAuthorizerWhenApplyingAcls() {
        Cli apply = cli("acls", "apply", "--service", "realtime-ws");
        assertThat(apply.exit()).isEqualTo(AdminCli.FAILED);
        assertThat(apply.err()).contains("has no authorizer").contains("Nothing changed");
        assertThat(apply.out()).contains("User:realtime-ws");
    }
}
