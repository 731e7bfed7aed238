package com.offerpulse.platform.health;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import com.offerpulse.platform.kafka.KafkaSettings;

/**
 * Whether the Kafka cluster (on the embedded default, the in-process broker) answers: DOWN when it cannot describe
 * itself within {@code offerpulse.health.kafka-timeout}. Results are reused for {@code kafka-cache-for} so that
 * frequent probes from a load balancer cost the broker little. The admin client is created on first use.
 */
final class KafkaHealthIndicator implements HealthIndicator, AutoCloseable {
    private final KafkaSettings kafka;
    private final HealthSettings settings;
    private final Clock clock;
    private volatile Admin admin;
    private volatile Health last;
    private volatile long lastAt;

    KafkaHealthIndicator(KafkaSettings kafka, HealthSettings settings, Clock clock) {
        this.kafka = kafka;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Health health() {
        long now = clock.millis();
        Health cached = last;
        if (cached != null && now - lastAt < settings.kafkaCacheFor().toMillis()) {
            return cached;
        }
        Health fresh = check();
        last = fresh;
        lastAt = now;
        return fresh;
    }

    private Health check() {
        int timeout = (int) settings.kafkaTimeout().toMillis();
        try {
            var cluster = admin().describeCluster(new DescribeClusterOptions().timeoutMs(timeout));
            int nodes = cluster.nodes().get(timeout, TimeUnit.MILLISECONDS).size();
            return Health.up().withDetail("bootstrap", kafka.bootstrap()).withDetail("brokers", nodes).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("bootstrap", kafka.bootstrap()).withDetail("error", "interrupted").build();
        } catch (Exception e) {
            return Health.down().withDetail("bootstrap", kafka.bootstrap())
                    .withDetail("error", e.getClass().getSimpleName()).build();
        }
    }

    private Admin admin() {
        Admin a = admin;
        if (a == null) {
            synchronized (this) {
                a = admin;
                if (a == null) {
                    int timeout = (int) settings.kafkaTimeout().toMillis();
                    Map<String, Object> props = new java.util.HashMap<>(kafka.clientProperties());
                    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
                    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
                    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "offerpulse-health");
                    a = Admin.create(props);
                    admin = a;
                }
            }
        }
        return a;
    }

    @Override
    public void close() {
        Admin a = admin;
        if (a != null) {
            a.close(java.time.Duration.ofSeconds(2));
        }
    }
}
