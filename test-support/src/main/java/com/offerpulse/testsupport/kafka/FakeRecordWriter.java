package com.offerpulse.testsupport.kafka;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.offerpulse.platform.kafka.OutboundRecord;
import com.offerpulse.platform.kafka.RecordWriter;
import com.offerpulse.platform.problem.ApiProblem;

import reactor.core.publisher.Mono;

/** Records every committed group; can be told to behave like an unreachable broker. */
public class FakeRecordWriter implements RecordWriter {
    public final List<List<OutboundRecord>> committed = new CopyOnWriteArrayList<>();
    private volatile boolean down;

    @Override
    public Mono<Void> writeAll(List<OutboundRecord> records) {
        if (down) {
            return Mono.error(ApiProblem.unavailable("The event store did not acknowledge the write, so nothing was "
                    + "written. Retry shortly.", Duration.ofSeconds(5)));
        }
        committed.add(List.copyOf(records));
        return Mono.empty();
    }

    public void brokerDown(boolean isDown) {
        this.down = isDown;
    }

    public List<OutboundRecord> all() {
        return committed.stream().flatMap(List::stream).toList();
    }

    public List<OutboundRecord> on(String topic) {
        return all().stream().filter(r -> r.topic().equals(topic)).toList();
    }

    public void reset() {
        committed.clear();
        down = false;
    }
}
