package com.offerpulse.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

class BackgroundConsumerTest {

    /** Nothing is reached: KafkaConsumer connects lazily, and these loops never poll. */
    private static KafkaSettings settings(Duration backoff) {
        return settings(backoff, Map.of());
    }

    private static KafkaSettings settings(Duration backoff, Map<String, String> clientProperties) {
        return new KafkaSettings("127.0.0.1:1", Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(5), Duration.ofSeconds(5), backoff, backoff.multipliedBy(4), clientProperties, null, null);
    }

    @Test
    void shouldBuildItsConsumerWithTheSharedClientProperties() {
        // A trust store that does not exist: the consumer can only fail if the TLS settings reached it.
        KafkaSettings tls = settings(Duration.ofMillis(20), Map.of("security.protocol", "SSL",
                "ssl.truststore.location", "/nonexistent/offerpulse-truststore.p12", "ssl.truststore.password", "x"));
        BackgroundConsumer consumer = new BackgroundConsumer(tls, "tls-consumer") {
            @Override
            protected void consume(KafkaConsumer<String, byte[]> c) {
                while (running()) {
                    Thread.onSpinWait();
                }
            }
        };
        consumer.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> consumer.health().restarts() >= 1);
            assertThat(consumer.health().lastError()).isEqualTo("org.apache.kafka.common.KafkaException");
        } finally {
            consumer.stop();
        }
    }

    @Test
    void shouldStartTheLoopAgainAfterItFailsAndSayItWasRestarting() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        List<BackgroundConsumer.Phase> seenWhileFailing = new ArrayList<>();
        BackgroundConsumer consumer = new BackgroundConsumer(settings(Duration.ofMillis(20)), "test-consumer") {
            @Override
            protected void consume(KafkaConsumer<String, byte[]> c) {
                if (runs.incrementAndGet() <= 2) {
                    throw new IllegalStateException("boom " + runs.get());
                }
                while (running()) {
                    try {
                        release.await(10, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }

            @Override
            protected void onFailed(RuntimeException failure) {
                seenWhileFailing.add(health().phase());
            }
        };
        consumer.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 3);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> consumer.health().phase() == BackgroundConsumer.Phase.RUNNING);
            BackgroundConsumer.Health h = consumer.health();
            assertThat(h.restarts()).isEqualTo(2);
            assertThat(h.lastError()).isEqualTo(IllegalStateException.class.getName());
            assertThat(seenWhileFailing).containsOnly(BackgroundConsumer.Phase.RESTARTING);
        } finally {
            consumer.stop();
        }
        assertThat(consumer.health().phase()).isEqualTo(BackgroundConsumer.Phase.STOPPED);
    }

    @Test
    void shouldStopPromptlyEvenWhileWaitingToRestart() {
        BackgroundConsumer consumer = new BackgroundConsumer(settings(Duration.ofSeconds(30)), "always-failing") {
            @Override
            protected void consume(KafkaConsumer<String, byte[]> c) {
                throw new IllegalStateException("always");
            }
        };
        consumer.start();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> consumer.health().phase() == BackgroundConsumer.Phase.RESTARTING);
        long t0 = System.nanoTime();
        consumer.stop();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        assertThat(consumer.isRunning()).isFalse();
    }

    @Test
    void shouldQuarantineARecordThatCannotBeAppliedAndApplyTheRest() {
        List<Long> applied = new ArrayList<>();
        BackgroundConsumer consumer = new BackgroundConsumer(settings(Duration.ofMillis(10)), "apply-each") {
            @Override
            protected void consume(KafkaConsumer<String, byte[]> c) {
            }
        };
        List<ConsumerRecord<String, byte[]>> records = List.of(
                new ConsumerRecord<>("t", 0, 1L, "s1", "{}".getBytes()),
                new ConsumerRecord<>("t", 0, 2L, "s2", "poison".getBytes()),
                new ConsumerRecord<>("t", 0, 3L, "s3", "{}".getBytes()));
        consumer.applyEach(records, r -> {
            if (r.offset() == 2L) {
                throw new IllegalArgumentException("cannot use");
            }
            applied.add(r.offset());
        });
        assertThat(applied).containsExactly(1L, 3L);
    }

    @Test
    void shouldDoubleTheBackOffUpToItsMaximum() {
        Duration first = Duration.ofMillis(500);
        Duration max = Duration.ofSeconds(30);
        assertThat(BackgroundConsumer.backoff(1, first, max)).isEqualTo(Duration.ofMillis(500));
        assertThat(BackgroundConsumer.backoff(2, first, max)).isEqualTo(Duration.ofSeconds(1));
        assertThat(BackgroundConsumer.backoff(4, first, max)).isEqualTo(Duration.ofSeconds(4));
        assertThat(BackgroundConsumer.backoff(12, first, max)).isEqualTo(max);
        assertThat(BackgroundConsumer.backoff(1_000, first, max)).isEqualTo(max);
    }
}
