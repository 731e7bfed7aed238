package com.offerpulse.faults.cluster;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** Waits until a KRaft cluster has a given number of registered, unfenced brokers. */
public final class BrokerWait {
    private static final Duration POLL = Duration.ofMillis(250);

    private BrokerWait() {
    }

    /** @throws IllegalStateException if fewer than {@code count} brokers are registered when {@code timeout} ends */
    public static void awaitBrokers(String bootstrap, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> conf = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG, "offerpulse-broker-wait",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        int seen = 0;
        Exception last = null;
        try (Admin admin = Admin.create(conf)) {
            while (System.nanoTime() < deadline) {
                try {
                    seen = admin.describeCluster(new DescribeClusterOptions().timeoutMs(3_000)).nodes()
                            .get(4, TimeUnit.SECONDS).size();
                    if (seen >= count) {
                        return;
                    }
                } catch (Exception e) {
                    if (e instanceof InterruptedException) {
                        throw (InterruptedException) e;
                    }
                    last = e;
                }
                Thread.sleep(POLL.toMillis());
            }
        }
        throw new IllegalStateException("Only " + seen + " of " + count + " brokers registered at " + bootstrap
                + " after " + timeout.toSeconds() + " s", last);
    }
}
