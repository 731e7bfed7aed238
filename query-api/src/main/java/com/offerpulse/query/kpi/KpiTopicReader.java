package com.offerpulse.query.kpi;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.contracts.kpi.DailyFunnel;
import com.offerpulse.contracts.kpi.UserActivity;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.platform.kafka.BackgroundConsumer;
import com.offerpulse.platform.kafka.KafkaSettings;
import com.offerpulse.platform.kafka.deadletter.DeadLetters;

/**
 * Reads every partition of the two compacted KPI topics from the beginning (read_committed, no consumer group:
 * every instance needs all of it) into {@link KpiViews}, and keeps following them. The views turn ready once the
 * reader has reached the end offsets the topics had when it started.
 */
final class KpiTopicReader extends BackgroundConsumer {
    private static final Logger log = LoggerFactory.getLogger(KpiTopicReader.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final List<String> TOPICS = List.of(Topics.KPI_USER_ACTIVITY.name(), Topics.KPI_DAILY.name());

    private final KpiViews views;
    private final Duration retryPause;

    KpiTopicReader(KafkaSettings kafka, KpiViews views, Duration retryPause, DeadLetters deadLetters) {
        super(kafka, "kpi-topic-reader", deadLetters);
        this.views = views;
        this.retryPause = retryPause;
    }

    @Override
    protected void consume(KafkaConsumer<String, byte[]> c) {
        List<TopicPartition> partitions = awaitPartitions(c, TOPICS, retryPause, () -> { });
        c.assign(partitions);
        c.seekToBeginning(partitions);
        Map<TopicPartition, Long> startEnds = awaitEndOffsets(c, partitions);
        while (running()) {
            applyEach(c.poll(POLL), this::apply);
            if (!views.ready() && startEnds.entrySet().stream().allMatch(e -> c.position(e.getKey()) >= e.getValue())) {
                views.markReady();
                log.info("KPI views loaded from {}", TOPICS);
            }
        }
    }

    void apply(ConsumerRecord<String, byte[]> record) {
        if (record.topic().equals(Topics.KPI_USER_ACTIVITY.name())) {
            views.user(record.key(), record.value() == null ? null
                    : JsonCodec.decode(record.value(), UserActivity.class));
        } else if (record.topic().equals(Topics.KPI_DAILY.name())) {
            views.day(record.key(), record.value() == null ? null
                    : JsonCodec.decode(record.value(), DailyFunnel.class));
        }
    }

    private Map<TopicPartition, Long> awaitEndOffsets(KafkaConsumer<String, byte[]> c, List<TopicPartition> partitions) {
        while (running()) {
            try {
                // With read_committed these are the last stable offsets: everything committed so far.
                return c.endOffsets(partitions, kafka.requestTimeout());
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                log.warn("Waiting for the end offsets of {}", TOPICS);
            }
        }
        throw new WakeupException();
    }
}
