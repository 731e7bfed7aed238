package com.offerpulse.platform.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import com.offerpulse.contracts.deadletter.DeadLetter;
import com.offerpulse.contracts.json.ContractViolation;
import com.offerpulse.platform.kafka.deadletter.DeadLetters;

import tools.jackson.core.JacksonException;

/**
 * A plain Kafka consumer on its own daemon thread, started and stopped with the Spring context: read_committed (so
 * aborted transactions are never seen), no auto-commit, String keys and raw values decoded by the subclass.
 * {@link #stop()} wakes the consumer and waits for the thread.
 *
 * <p>Nothing dies silently: a record the subclass cannot apply ({@link #applyEach}) is quarantined to
 * {@code dead-letters.v1} and the loop goes on; when the loop itself fails, the consumer is closed and the loop starts
 * again with a fresh one after a back-off ({@code offerpulse.kafka.restart-backoff}, doubling up to
 * {@code restart-backoff-max}), and {@link #health()} says so meanwhile. Subclasses therefore write {@link #consume}
 * so that it can run again from the start (re-assign, re-seek: their state is a cache of the topic).
 */
public abstract class BackgroundConsumer implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(BackgroundConsumer.class);
    private static final long JOIN_MILLIS = 5_000;

    /** Where a consumer's loop stands, for health checks. */
    public enum Phase {
        /** not started, or stopped by the context */
        STOPPED,
        /** the loop is reading */
        RUNNING,
        /** the loop failed and waits to start again */
        RESTARTING
    }

    /** A snapshot of a consumer's state: its phase, failures in a row, restarts so far and the last error's class. */
    public record Health(String name, Phase phase, int failuresInARow, long restarts, String lastError) {
    }

    protected final KafkaSettings kafka;
    private final String threadName;
    private final DeadLetters deadLetters;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread thread;
    private volatile boolean running;
    private volatile Phase phase = Phase.STOPPED;
    private volatile int failuresInARow;
    private volatile long restarts;
    private volatile String lastError;

    protected BackgroundConsumer(KafkaSettings kafka, String threadName) {
        this(kafka, threadName, null);
    }

    /** @param deadLetters where unusable records go; null logs their coordinates only */
    protected BackgroundConsumer(KafkaSettings kafka, String threadName, DeadLetters deadLetters) {
        this.kafka = kafka;
        this.threadName = threadName;
        this.deadLetters = deadLetters;
    }

    /** The loop; return or throw {@link WakeupException} when {@link #running()} turns false. */
    protected abstract void consume(KafkaConsumer<String, byte[]> consumer);

    /** Extra consumer settings (a group id, an offset reset policy) on top of the shared ones. */
    protected void configure(Map<String, Object> properties) {
    }

    /** Called on the consumer thread once the loop has ended for good (stopped), however it ended. */
    protected void onStopped() {
    }

    /** Called on the consumer thread after the loop failed, before the pause and the restart. */
    protected void onFailed(RuntimeException failure) {
    }

    protected final boolean running() {
        return running;
    }

    /** This consumer's name (its thread's name). */
    public final String name() {
        return threadName;
    }

    public final Health health() {
        return new Health(threadName, phase, failuresInARow, restarts, lastError);
    }

    /**
     * Applies each record; one that throws is quarantined (its coordinates to {@code dead-letters.v1}, never its
     * content) and the rest go on, so one bad record cannot stop the reader for everybody.
     */
    protected final void applyEach(Iterable<ConsumerRecord<String, byte[]>> records,
            Consumer<ConsumerRecord<String, byte[]>> apply) {
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                apply.accept(record);
            } catch (WakeupException | InterruptException e) {
                throw e;
            } catch (RuntimeException e) {
                quarantine(record, e instanceof ContractViolation || e instanceof JacksonException
                        ? DeadLetter.Stage.DESERIALIZATION : DeadLetter.Stage.PROCESSING, e);
            }
        }
    }

    /** Sets a record aside: to {@code dead-letters.v1} when a writer was given, else one log line. */
    protected final void quarantine(ConsumerRecord<String, byte[]> record, DeadLetter.Stage stage, Throwable error) {
        if (deadLetters != null) {
            deadLetters.quarantine(threadName, stage, record, error);
        } else {
            log.warn("{}: skipping a record it cannot use at {}-{}@{} ({} bytes): {}", threadName, record.topic(),
                    record.partition(), record.offset(), record.value() == null ? -1 : record.value().length,
                    DeadLetter.errorOf(error));
        }
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
        if (t != null && phase == Phase.RESTARTING) {
            t.interrupt(); // cut the back-off pause short
        }
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
        try {
            while (running) {
                try {
                    runOnce();
                    failuresInARow = 0;
                } catch (WakeupException | InterruptException e) {
                    if (!running) {
                        break;
                    }
                    fail(e); // a wakeup nobody asked for: treat like any failure
                } catch (RuntimeException e) {
                    if (!running) {
                        break;
                    }
                    fail(e);
                }
            }
        } finally {
            running = false;
            phase = Phase.STOPPED;
            onStopped();
        }
    }

    private void runOnce() {
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) kafka.requestTimeout().toMillis());
        configure(props);
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(props)) {
            consumer = c;
            phase = Phase.RUNNING;
            consume(c);
        } finally {
            consumer = null;
        }
    }

    /** Logs the failure (with its stack, inside the one JSON log line), then waits out the back-off. */
    private void fail(RuntimeException e) {
        failuresInARow++;
        restarts++;
        lastError = e.getClass().getName();
        phase = Phase.RESTARTING;
        Duration pause = backoff(failuresInARow, kafka.restartBackoff(), kafka.restartBackoffMax());
        log.error("{} failed; starting it again in {} ms (failure {} in a row)", threadName, pause.toMillis(),
                failuresInARow, e);
        try {
            onFailed(e);
        } catch (RuntimeException inner) {
            log.error("{}: cleaning up after a failure failed too", threadName, inner);
        }
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** {@code first} doubled per failure in a row after the first, at most {@code max}. */
    static Duration backoff(int failuresInARow, Duration first, Duration max) {
        int doublings = Math.min(Math.max(0, failuresInARow - 1), 30);
        long millis = first.toMillis() << doublings;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }
}
