package com.offerpulse.tools.replay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.contracts.session.EndReason;
import com.offerpulse.contracts.session.SessionEnded;
import com.offerpulse.contracts.session.SessionLifecycleEvent;
import com.offerpulse.contracts.session.SessionStarted;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.contracts.transcript.TranscriptSegment;

/**
 * Picks the live input of a replay: the selected segments (by default every segment of each round they belong to)
 * and every lifecycle event of those rounds, in the order the live processor saw them.
 *
 * <p>The sandbox has one partition per topic, so one Kafka Streams task sees every round in record-time order, as
 * the live processor did in real time (with several partitions, a task may run ahead of another, and a user's round
 * outcomes could reach the user processor in another order than live). Record times are kept, with two
 * corrections so that ordering by time reproduces the live order:
 * <ul>
 * <li>a round ended by inactivity is announced with the event time of its last segment, though the live processor
 * ended it {@code liveInactivityTimeout} later (wall clock); its copy is timed then, after every segment the live
 * processor had applied;</li>
 * <li>an end with the same millisecond as one of its round's segments is moved 1 ms later: ingest accepted that
 * segment first.</li>
 * </ul>
 * Within a round the live order always wins: record times are made non-decreasing in offset order.
 */
final class LiveInput {
    /** The records to copy, each list in the order to write it, and what they cover. */
    record Prepared(List<InputRecord> segments, List<InputRecord> lifecycle, Set<String> sessions,
            Map<String, String> ownerBySession, long selectedSegments) {
        long total() {
            return segments.size() + lifecycle.size();
        }
    }

    private LiveInput() {
    }

    static Prepared select(TopicScan scan, Selection selection, boolean wholeRounds, Duration liveInactivityTimeout) {
        String segmentsTopic = Topics.TRANSCRIPT_SEGMENTS.name();
        Map<TopicPartition, long[]> ranges = ranges(scan, segmentsTopic, selection);
        List<ConsumerRecord<String, byte[]>> inRange = new ArrayList<>();
        scan.read(ranges, r -> {
            if (r.key() != null) {
                inRange.add(r);
            }
        });
        Set<String> sessions = new LinkedHashSet<>();
        inRange.forEach(r -> sessions.add(r.key()));

        List<ConsumerRecord<String, byte[]>> lifecycleAll = scan.readAll(Topics.SESSION_LIFECYCLE.name());
        for (ConsumerRecord<String, byte[]> r : lifecycleAll) {
            if (r.key() == null) {
                continue;
            }
            boolean started = selection instanceof Selection.TimeRange time && time.contains(r.timestamp())
                    && decodeLifecycle(r.value()) instanceof SessionStarted;
            if (selection instanceof Selection.All || started) {
                sessions.add(r.key());
            }
        }

        List<ConsumerRecord<String, byte[]>> segments;
        if (!wholeRounds || selection instanceof Selection.All) {
            segments = inRange;
        } else {
            segments = new ArrayList<>();
            List<ConsumerRecord<String, byte[]>> out = segments;
            scan.read(scan.wholeTopic(segmentsTopic), r -> {
                if (r.key() != null && sessions.contains(r.key())) {
                    out.add(r);
                }
            });
        }
        List<ConsumerRecord<String, byte[]>> lifecycle = lifecycleAll.stream()
                .filter(r -> r.key() != null && sessions.contains(r.key())).toList();
        return order(segments, lifecycle, sessions, liveInactivityTimeout, inRange.size());
    }

    /** The offsets of the live segments topic the selection covers, per partition. */
    private static Map<TopicPartition, long[]> ranges(TopicScan scan, String topic, Selection selection) {
        if (selection instanceof Selection.All) {
            return scan.wholeTopic(topic);
        }
        List<TopicPartition> partitions = scan.partitions(topic);
        Map<TopicPartition, Long> begin = scan.beginnings(partitions);
        Map<TopicPartition, Long> end = scan.ends(partitions);
        Map<TopicPartition, long[]> out = new TreeMap<>(Comparator.comparingInt(TopicPartition::partition));
        if (selection instanceof Selection.TimeRange time) {
            Map<TopicPartition, Long> from = scan.offsetsAt(partitions, time.from().toEpochMilli());
            Map<TopicPartition, Long> to = time.to() == null ? end : scan.offsetsAt(partitions, time.to().toEpochMilli());
            partitions.forEach(tp -> out.put(tp, new long[] {from.get(tp), to.get(tp)}));
            return out;
        }
        Selection.Offsets offsets = (Selection.Offsets) selection;
        offsets.ranges().forEach((p, range) -> {
            TopicPartition tp = new TopicPartition(topic, p);
            if (!end.containsKey(tp)) {
                throw new IllegalArgumentException(topic + " has no partition " + p + " (it has " + partitions.size()
                        + ")");
            }
            long to = range.to() == null ? end.get(tp) : Math.min(range.to(), end.get(tp));
            out.put(tp, new long[] {Math.max(range.from(), begin.get(tp)), to});
        });
        return out;
    }

    /** Applies the ordering rules of the class comment; public for its unit test through {@link #order}. */
    static Prepared order(List<ConsumerRecord<String, byte[]>> segments, List<ConsumerRecord<String, byte[]>> lifecycle,
            Set<String> sessions, Duration liveInactivityTimeout, long selectedSegments) {
        Map<String, List<ConsumerRecord<String, byte[]>>> segmentsBySession = new HashMap<>();
        Map<String, String> owners = new TreeMap<>();
        Map<String, TranscriptSegment> decoded = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : segments) {
            segmentsBySession.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r);
            TranscriptSegment s = decodeSegment(r.value());
            if (s != null) {
                decoded.put(r.key() + "@" + r.partition() + ":" + r.offset(), s);
                owners.putIfAbsent(r.key(), s.userId());
            }
        }
        Map<String, Long> startedAt = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : lifecycle) {
            if (decodeLifecycle(r.value()) instanceof SessionStarted started) {
                startedAt.putIfAbsent(r.key(), r.timestamp());
                owners.put(r.key(), started.userId());
            }
        }

        List<InputRecord> lifecycleCopies = new ArrayList<>(lifecycle.size());
        for (ConsumerRecord<String, byte[]> r : lifecycle) {
            long ts = r.timestamp();
            if (decodeLifecycle(r.value()) instanceof SessionEnded ended) {
                List<ConsumerRecord<String, byte[]>> own = segmentsBySession.getOrDefault(r.key(), List.of());
                if (ended.reason() == EndReason.TIMEOUT) {
                    long lastActivity = startedAt.getOrDefault(r.key(), Long.MIN_VALUE);
                    for (ConsumerRecord<String, byte[]> s : own) {
                        TranscriptSegment seg = decoded.get(s.key() + "@" + s.partition() + ":" + s.offset());
                        if (seg != null && seg.finalSegment() && !seg.occurredAt().isAfter(ended.occurredAt())) {
                            lastActivity = Math.max(lastActivity, s.timestamp());
                        }
                    }
                    if (lastActivity != Long.MIN_VALUE) {
                        ts = Math.max(ts, lastActivity + liveInactivityTimeout.toMillis());
                    }
                } else {
                    long endTs = ts;
                    long lastBefore = own.stream().mapToLong(ConsumerRecord::timestamp).filter(t -> t <= endTs).max()
                            .orElse(Long.MIN_VALUE);
                    if (lastBefore != Long.MIN_VALUE) {
                        ts = Math.max(ts, lastBefore + 1);
                    }
                }
            }
            lifecycleCopies.add(new InputRecord(r.key(), r.value(), ts, r.partition(), r.offset()));
        }
        List<InputRecord> segmentCopies = segments.stream()
                .map(r -> new InputRecord(r.key(), r.value(), r.timestamp(), r.partition(), r.offset())).toList();
        return new Prepared(timeOrdered(segmentCopies), timeOrdered(lifecycleCopies), Set.copyOf(sessions), owners,
                selectedSegments);
    }

    /**
     * One topic's copies in record-time order, keeping each key's live order: times are first made non-decreasing
     * per key in live offset order, then sorted stably (ties by live partition and offset).
     */
    static List<InputRecord> timeOrdered(List<InputRecord> records) {
        List<InputRecord> byLiveOrder = new ArrayList<>(records);
        byLiveOrder.sort(Comparator.comparingInt(InputRecord::livePartition).thenComparingLong(InputRecord::liveOffset));
        Map<String, Long> lastByKey = new HashMap<>();
        List<InputRecord> monotonic = new ArrayList<>(byLiveOrder.size());
        for (InputRecord r : byLiveOrder) {
            long ts = Math.max(r.timestamp(), lastByKey.getOrDefault(r.key(), Long.MIN_VALUE));
            lastByKey.put(r.key(), ts);
            monotonic.add(ts == r.timestamp() ? r : r.at(ts));
        }
        monotonic.sort(Comparator.comparingLong(InputRecord::timestamp).thenComparingInt(InputRecord::livePartition)
                .thenComparingLong(InputRecord::liveOffset));
        return monotonic;
    }

    private static TranscriptSegment decodeSegment(byte[] value) {
        try {
            return value == null ? null : JsonCodec.decode(value, TranscriptSegment.class);
        } catch (RuntimeException e) {
            return null; // copied as it is: the topology skips it exactly as the live one did
        }
    }

    private static SessionLifecycleEvent decodeLifecycle(byte[] value) {
        try {
            return value == null ? null : JsonCodec.decode(value, SessionLifecycleEvent.class);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
