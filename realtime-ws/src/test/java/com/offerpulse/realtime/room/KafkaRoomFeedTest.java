package com.offerpulse.realtime.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.same;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.offerpulse.contracts.analytics.SessionMeters;
import com.offerpulse.contracts.deadletter.DeadLetter;
import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.platform.kafka.deadletter.DeadLetters;

class KafkaRoomFeedTest {
    private final DeadLetters deadLetters = mock(DeadLetters.class);

    private static ConsumerRecord<String, byte[]> record(String topic, byte[] value) {
        return new ConsumerRecord<>(topic, 2, 41, "s_1", value);
    }

    @Test
    void shouldQuarantineAnUndecodableRecordAndSkipIt() {
        ConsumerRecord<String, byte[]> bad = record(Topics.SESSION_METERS.name(),
                "{not json".getBytes(StandardCharsets.UTF_8));

        assertThat(KafkaRoomFeed.appendOf(bad, deadLetters)).isNull();

        verify(deadLetters).quarantine(eq(KafkaRoomFeed.APPLICATION), eq(DeadLetter.Stage.DESERIALIZATION), same(bad),
                any(RuntimeException.class));
    }

    @Test
    void shouldTurnAMetersRecordIntoARoomAppendWithoutQuarantine() {
        SessionMeters m = new SessionMeters("s_1", 50, 60, 70, 40, 10, List.of(), 7, Instant.ofEpochMilli(1234));
        RoomAppend a = KafkaRoomFeed.appendOf(record(Topics.SESSION_METERS.name(), JsonCodec.encode(m)), deadLetters);

        assertThat(a).isEqualTo(new RoomAppend("s_1", RoomMessage.METERS, JsonCodec.encodeToString(m), 7, 1234));
        verifyNoInteractions(deadLetters);
    }

    @Test
    void shouldSkipARecordForARoomIdRoomsDoNotAcceptWithoutQuarantine() {
        SessionMeters m = new SessionMeters("s 1\"", 50, 60, 70, 40, 10, List.of(), 7, Instant.ofEpochMilli(1234));
        assertThat(KafkaRoomFeed.appendOf(record(Topics.SESSION_METERS.name(), JsonCodec.encode(m)), deadLetters))
                .isNull();
        assertThat(KafkaRoomFeed.appendOf(record(Topics.SESSION_METERS.name(), null), deadLetters)).isNull();
        verifyNoInteractions(deadLetters);
    }

    @Test
    void shouldTellARoomDataErrorFromRedisBeingUnavailable() {
        assertThat(KafkaRoomFeed.poisonous(new io.lettuce.core.RedisCommandExecutionException(
                "ERR Error running script: WRONGTYPE Operation against a key holding the wrong kind of value")))
                .isTrue();
        assertThat(KafkaRoomFeed.poisonous(new io.lettuce.core.RedisCommandExecutionException(
                "OOM command not allowed when used memory > 'maxmemory'"))).isFalse();
        assertThat(KafkaRoomFeed.poisonous(new io.lettuce.core.RedisCommandExecutionException(
                "LOADING Redis is loading the dataset in memory"))).isFalse();
        assertThat(KafkaRoomFeed.poisonous(new io.lettuce.core.RedisCommandTimeoutException("timed out"))).isFalse();
    }
}
