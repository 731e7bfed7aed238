package com.offerpulse.kafka.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.offerpulse.contracts.topic.Topic;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.kafka.embedded.TopicProvisioner.TopicSettings;

@Timeout(60)
class TopicProvisionerIT {

    @TempDir
    static Path dataDir;

    private static EmbeddedKafkaBroker broker;
    private static Admin admin;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start(dataDir, 0);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    @AfterAll
    static void stopBroker() {
        if (admin != null) {
            admin.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void createsCompactedAndDeleteTopicsWithTheRightConfigAndPartitions() throws Exception {
        Topic<?, ?> compacted = Topics.USER_OFFER_PROBABILITY;
        Topic<?, ?> delete = Topics.SESSION_METERS;
        assertThat(compacted.compacted()).isTrue();
        assertThat(delete.compacted()).isFalse();

        List<String> created = TopicProvisioner.ensureTopics(broker.bootstrapServers(), List.of(compacted, delete), 4,
                (short) 1, 1);
        assertThat(created).containsExactly(compacted.name(), delete.name());

        Map<String, TopicDescription> descriptions = admin.describeTopics(created).allTopicNames().get();
        assertThat(descriptions.get(compacted.name()).partitions()).hasSize(4);
        assertThat(descriptions.get(delete.name()).partitions()).hasSize(4);

        Config compactedConfig = config(compacted.name());
        assertThat(compactedConfig.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
        assertThat(compactedConfig.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value()).isEqualTo("1");

        Config deleteConfig = config(delete.name());
        assertThat(deleteConfig.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("delete");
        assertThat(deleteConfig.get(TopicConfig.RETENTION_MS_CONFIG).value())
                .isEqualTo(String.valueOf(Duration.ofDays(7).toMillis()));

        // Idempotent: a second call creates nothing and leaves the partition count alone.
        assertThat(TopicProvisioner.ensureTopics(broker.bootstrapServers(), List.of(compacted, delete), 8,
                (short) 1, null)).isEmpty();
        assertThat(admin.describeTopics(Set.of(compacted.name())).allTopicNames().get().get(compacted.name())
                .partitions()).hasSize(4);
    }

    @Test
    void settingsOverloadAppliesRetentionAndCreatesOnlyWhatIsMissing() throws Exception {
        Topic<?, ?> delete = Topics.PRODUCT_EVENTS;
        TopicSettings settings = new TopicSettings(2, (short) 1, null, Duration.ofHours(1));
        assertThat(TopicProvisioner.ensureTopics(broker.bootstrapServers(), List.of(delete, delete), settings))
                .containsExactly(delete.name());
        assertThat(config(delete.name()).get(TopicConfig.RETENTION_MS_CONFIG).value())
                .isEqualTo(String.valueOf(Duration.ofHours(1).toMillis()));
        assertThat(admin.describeTopics(Set.of(delete.name())).allTopicNames().get().get(delete.name())
                .partitions()).hasSize(2);
    }

    @Test
    void failureNamesTheBootstrapServers() {
        TopicSettings settings = new TopicSettings(1, (short) 3, null, null);
        assertThatThrownBy(() -> TopicProvisioner.ensureTopics(broker.bootstrapServers(),
                List.of(Topics.USER_PROMPTS), settings))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(broker.bootstrapServers())
                .hasMessageContaining(Topics.USER_PROMPTS.name());
    }

    @Test
    void rejectsInvalidSettings() {
        assertThatThrownBy(() -> new TopicSettings(0, (short) 1, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TopicSettings(1, (short) 1, 2, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Config config(String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get().get(resource);
    }
}
