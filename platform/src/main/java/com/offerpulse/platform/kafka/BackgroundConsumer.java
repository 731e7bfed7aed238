package com.offerpulse.platform.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A plain Kafka consumer on its own daemon thread, started and stopped with the Spring context: read_committed (so
 * aborted transactions are never seen), no auto-commit, String keys and raw values decoded by the subclass.
 * {@link #stop()} wakes the consumer and waits for the thread.
 */
public abstract class BackgroundConsumer implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(BackgroundConsumer.class);
    private static final long JOIN_MILLIS = 5_000;

    protected final KafkaSettings kafka;
    private final String threadName;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread thread;
    private volatile boolean running;

    protected BackgroundConsumer(KafkaSettings kafka, String threadName) {
        this.kafka = kafka;
        this.threadName = threadName;
    }

    /** The loop; return or throw {@link WakeupException} when {@link #running()} turns false. */
    protected abstract void consume(KafkaConsumer<String, byte[]> consumer);

    /** Extra consumer settings (a group id, an offset reset policy) on top of the shared ones. */
    protected void configure(Map<String, Object> properties) {
    }

    /** Called on the consumer thread once the loop has ended, however it ended. */
    protected void onStopped() {
    }

    protected final boolean running() {
        return running;
    }

    /**
     * Every partition of {@code topics}, once all of them exist. Until then it runs {@code whileMissing} (e.g. fail
     * waiting callers), waits {@code pause} (a missing topic answers at once) and asks again; a wakeup that is not a
     * stop just asks again.
     */
    protected final List<TopicPartition> awaitPartitions(KafkaConsumer<String, byte[]> c, List<String> topics,
            Duration pause, Runnable whileMissing) {
        while (running()) {
            try {
                List<TopicPartition> all = new ArrayList<>();
                for (String topic : topics) {
                    List<PartitionInfo> infos = c.partitionsFor(topic, kafka.requestTimeout());
                    if (infos != null) {
                        infos.forEach(i -> all.add(new TopicPartition(i.topic(), i.partition())));
                    }
                }
                if (topics.stream().allMatch(t -> all.stream().anyMatch(tp -> tp.topic().equals(t)))) {
                    return List.copyOf(all);
                }
                log.warn("{}: waiting for topics {} on {}", threadName, topics, kafka.bootstrap());
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                log.warn("{}: waiting for Kafka at {} to read {}", threadName, kafka.bootstrap(), topics);
            } catch (WakeupException e) {
                if (!running()) {
                    throw e;
                }
            }
            whileMissing.run();
            sleep(pause);
        }
        throw new WakeupException();
    }

    private static void sleep(Duration pause) {
        if (pause.isZero()) {
            return;
        }
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WakeupException();
        }
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) kafka.requestTimeout().toMillis());
        configure(props);
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(props)) {
            consumer = c;
            consume(c);
        } catch (WakeupException e) {
            // stop() woke us up.
        } catch (RuntimeException e) {
            log.error("{} stopped reading", threadName, e);
        } finally {
            running = false;
            onStopped();
        }
    }
}
