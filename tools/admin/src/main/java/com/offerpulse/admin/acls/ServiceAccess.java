package com.offerpulse.admin.acls;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.offerpulse.contracts.topic.Topic;
import com.offerpulse.contracts.topic.Topics;

/**
 * What each service does on Kafka. Writers are derived from the registry ({@link Topic#writer()} names the writing
 * service; {@code dead-letters.v1} is written by every service's exception handlers). The registry has no readers, so
 * each service's reads are listed here; {@code ServiceAccessTest} scans every service's sources for the topics it
 * uses so this list cannot fall behind the code.
 *
 * @param service        the service (module) name, also its Kafka principal's name ({@code User:<service>})
 * @param reads          topics it consumes
 * @param streamsApps    its Kafka Streams application ids (consumer group, internal-topic and transactional-id prefix)
 * @param groups         its plain consumer groups
 * @param txPrefixes     transactional-id prefixes of its own transactional producers
 */
public record ServiceAccess(String service, List<Topic<String, ?>> reads, List<String> streamsApps,
        List<String> groups, List<String> txPrefixes) {

    public static final ServiceAccess INGEST = new ServiceAccess("ingest-api",
            List.of(Topics.SESSION_LIFECYCLE), List.of(), List.of(), List.of("ingest-"));
    public static final ServiceAccess STREAM = new ServiceAccess("stream-processor",
            List.of(Topics.TRANSCRIPT_SEGMENTS, Topics.SESSION_LIFECYCLE, Topics.PRODUCT_EVENTS,
                    Topics.SESSION_SUMMARIES),
            List.of("offerpulse-stream", "offerpulse-kpi", "offerpulse-prompts"), List.of(), List.of());
    public static final ServiceAccess QUERY = new ServiceAccess("query-api",
            List.of(Topics.SESSION_LIFECYCLE, Topics.TRANSCRIPT_SENTENCES, Topics.SESSION_METERS,
                    Topics.SESSION_SUMMARIES, Topics.USER_OFFER_PROBABILITY, Topics.USER_PROMPTS,
                    Topics.SHARE_SNAPSHOTS, Topics.KPI_USER_ACTIVITY, Topics.KPI_DAILY),
            List.of("offerpulse-query"), List.of(), List.of("query-share-"));
    public static final ServiceAccess REALTIME = new ServiceAccess("realtime-ws",
            List.of(Topics.SESSION_LIFECYCLE, Topics.SESSION_METERS, Topics.TRANSCRIPT_SENTENCES),
            List.of(), List.of("offerpulse-realtime"), List.of());

    public static final List<ServiceAccess> ALL = List.of(INGEST, STREAM, QUERY, REALTIME);

    /** The topics this service writes, derived from the registry's writer descriptions. */
    public List<Topic<String, ?>> writes() {
        List<Topic<String, ?>> writes = new ArrayList<>();
        for (Topic<String, ?> topic : Topics.ALL) {
            if (writers(topic).contains(this)) {
                writes.add(topic);
            }
        }
        return writes;
    }

    /**
     * The services that write {@code topic}: those its registry entry names, or every service for a topic written
     * by "every" application (the dead letters).
     */
    public static List<ServiceAccess> writers(Topic<?, ?> topic) {
        String writer = topic.writer().toLowerCase(Locale.ROOT);
        if (writer.startsWith("every ")) {
            return ALL;
        }
        return ALL.stream().filter(s -> writer.contains(s.service())).toList();
    }

    /** The services that read {@code topic}. */
    public static List<ServiceAccess> readers(Topic<?, ?> topic) {
        return ALL.stream().filter(s -> s.reads().stream().anyMatch(t -> t.name().equals(topic.name()))).toList();
    }

    /** Every consumer group of every service: Streams application ids and plain groups. */
    public static List<String> allGroups() {
        List<String> groups = new ArrayList<>();
        ALL.forEach(s -> {
            groups.addAll(s.streamsApps());
            groups.addAll(s.groups());
        });
        return groups;
    }

    /** Every Kafka Streams application id. */
    public static List<String> allStreamsApps() {
        return ALL.stream().flatMap(s -> s.streamsApps().stream()).toList();
    }

    public static ServiceAccess named(String name) {
        return ALL.stream().filter(s -> s.service().equals(name)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("unknown service " + name + "; one of " + Arrays.toString(
                        ALL.stream().map(ServiceAccess::service).toArray())));
    }
}
