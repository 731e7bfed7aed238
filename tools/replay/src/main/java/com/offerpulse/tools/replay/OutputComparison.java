package com.offerpulse.tools.replay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.offerpulse.contracts.analytics.SessionSummary;
import com.offerpulse.contracts.analytics.TaggedSentence;
import com.offerpulse.contracts.analytics.UserOfferProbability;
import com.offerpulse.contracts.growth.ProductEvent;
import com.offerpulse.contracts.growth.ProductEventName;
import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.stream.OfferPulseTopology.TopicNames;

/**
 * Compares a sandbox's outputs with the live outputs of the same rounds, value for value (the values carry event
 * times only, so an unchanged replay must match byte for byte; Kafka record timestamps are metadata and not
 * compared).
 */
final class OutputComparison {
    static final String SENTENCES = "sentences";
    static final String METERS = "meters";
    static final String SUMMARIES = "summaries";
    static final String VIEWS = "offer-probability views";
    static final String COMPLETIONS = "completion events";
    private static final int MAX_FIELDS = 8;

    private final TopicScan scan;
    private final Set<String> sessions;
    private final Map<String, String> ownerBySession;
    private final int maxDifferences;
    private final List<ReplayReport.Difference> differences = new ArrayList<>();

    OutputComparison(TopicScan scan, LiveInput.Prepared input, int maxDifferences) {
        this.scan = scan;
        this.sessions = input.sessions();
        this.ownerBySession = input.ownerBySession();
        this.maxDifferences = maxDifferences;
    }

    record Result(List<ReplayReport.KindComparison> kinds, List<ReplayReport.UserProbability> users,
            List<ReplayReport.Difference> differences) {
    }

    Result compare(TopicNames sandbox) {
        TopicNames live = TopicNames.live();
        List<ReplayReport.KindComparison> kinds = new ArrayList<>();
        kinds.add(compare(SENTENCES, perRound(live.sentences(), sentenceKey()), perRound(sandbox.sentences(),
                sentenceKey())));
        kinds.add(compare(METERS, perRound(live.meters(), ordinalKey()), perRound(sandbox.meters(), ordinalKey())));

        Map<String, byte[]> liveSummaries = summaries(live.summaries());
        kinds.add(compare(SUMMARIES, liveSummaries, summaries(sandbox.summaries())));

        Map<String, byte[]> liveViews = liveViewsAtLastSelectedRound(live.offerProbability(), liveSummaries);
        Map<String, byte[]> replayViews = lastPerUser(sandbox.offerProbability());
        kinds.add(compare(VIEWS, liveViews, replayViews));
        kinds.add(compare(COMPLETIONS, completions(live.productEvents()), completions(sandbox.productEvents())));
        return new Result(kinds, users(liveViews, replayViews), List.copyOf(differences));
    }

    // ---- reading -----------------------------------------------------------------------------------------------

    /** Records of the selected rounds, keyed by {@code keyOf(round, value, position in the round)}. */
    private Map<String, byte[]> perRound(String topic, KeyFunction keyOf) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        Map<String, Integer> position = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : scan.readAll(topic)) {
            if (r.key() != null && r.value() != null && sessions.contains(r.key())) {
                int n = position.merge(r.key(), 1, Integer::sum) - 1;
                out.put(keyOf.key(r.key(), r.value(), n), r.value());
            }
        }
        return out;
    }

    interface KeyFunction {
        String key(String session, byte[] value, int position);
    }

    private static KeyFunction sentenceKey() {
        return (session, value, n) -> session + " sentence " + JsonCodec.decode(value, TaggedSentence.class).index();
    }

    private static KeyFunction ordinalKey() {
        return (session, value, n) -> session + " update " + n;
    }

    /** The last summary of each selected round, by round. */
    private Map<String, byte[]> summaries(String topic) {
        return lastBy(topic, v -> {
            SessionSummary s = JsonCodec.decode(v, SessionSummary.class);
            return sessions.contains(s.sessionId()) ? s.sessionId() : null;
        });
    }

    private Map<String, byte[]> completions(String topic) {
        return lastBy(topic, v -> {
            ProductEvent e = decodeOrNull(v, ProductEvent.class);
            return e != null && e.name() == ProductEventName.SESSION_COMPLETED && sessions.contains(e.sessionId())
                    ? e.sessionId() : null;
        });
    }

    private Map<String, byte[]> lastBy(String topic, Function<byte[], String> keyOf) {
        Map<String, byte[]> out = new TreeMap<>();
        for (ConsumerRecord<String, byte[]> r : scan.readAll(topic)) {
            String key = r.value() == null ? null : keyOf.apply(r.value());
            if (key != null) {
                out.put(key, r.value());
            }
        }
        return out;
    }

    /** The final view of each user of the selection (a tombstone removes it). */
    private Map<String, byte[]> lastPerUser(String topic) {
        Set<String> users = new TreeSet<>(ownerBySession.values());
        Map<String, byte[]> out = new TreeMap<>();
        for (ConsumerRecord<String, byte[]> r : scan.readAll(topic)) {
            if (r.key() != null && users.contains(r.key())) {
                if (r.value() == null) {
                    out.remove(r.key());
                } else {
                    out.put(r.key(), r.value());
                }
            }
        }
        return out;
    }

    /**
     * Each user's live view as of their last selected round: the last view written for the user that does not yet
     * count a later round ({@code updated_at} at most that round's end; a view recomputed after a deletion qualifies),
     * a tombstone clearing it. The final live view may count rounds after the selection, which the replay never saw.
     */
    private Map<String, byte[]> liveViewsAtLastSelectedRound(String topic, Map<String, byte[]> liveSummaries) {
        Map<String, Instant> lastEnd = new HashMap<>();
        for (byte[] v : liveSummaries.values()) {
            SessionSummary s = JsonCodec.decode(v, SessionSummary.class);
            lastEnd.merge(s.userId(), s.endedAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
        Map<String, byte[]> out = new TreeMap<>();
        for (ConsumerRecord<String, byte[]> r : scan.readAll(topic)) {
            Instant end = r.key() == null ? null : lastEnd.get(r.key());
            if (end == null) {
                continue;
            }
            if (r.value() == null) {
                out.remove(r.key());
            } else if (!JsonCodec.decode(r.value(), UserOfferProbability.class).updatedAt().isAfter(end)) {
                out.put(r.key(), r.value());
            }
        }
        return out;
    }

    // ---- comparing ---------------------------------------------------------------------------------------------

    private ReplayReport.KindComparison compare(String kind, Map<String, byte[]> live, Map<String, byte[]> replay) {
        long identical = 0;
        long differing = 0;
        long onlyLive = 0;
        Set<String> keys = new TreeSet<>(live.keySet());
        keys.addAll(replay.keySet());
        for (String key : keys) {
            byte[] a = live.get(key);
            byte[] b = replay.get(key);
            if (a != null && b != null && Arrays.equals(a, b)) {
                identical++;
                continue;
            }
            if (a != null && b != null) {
                differing++;
            } else if (a != null) {
                onlyLive++;
            }
            if (differences.size() < maxDifferences) {
                int space = key.indexOf(' ');
                differences.add(new ReplayReport.Difference(kind, space < 0 ? key : key.substring(0, space),
                        space < 0 ? "" : key.substring(space + 1), JsonDiff.between(a, b, MAX_FIELDS)));
            }
        }
        long onlyReplay = keys.size() - identical - differing - onlyLive;
        return new ReplayReport.KindComparison(kind, live.size(), replay.size(), identical, differing, onlyLive,
                onlyReplay);
    }

    private List<ReplayReport.UserProbability> users(Map<String, byte[]> liveViews, Map<String, byte[]> replayViews) {
        List<ReplayReport.UserProbability> out = new ArrayList<>();
        for (String user : new TreeSet<>(ownerBySession.values())) {
            UserOfferProbability a = view(liveViews.get(user));
            UserOfferProbability b = view(replayViews.get(user));
            out.add(new ReplayReport.UserProbability(user, a == null ? null : a.offerProbability(),
                    b == null ? null : b.offerProbability(), a == null ? null : a.sessionsCount(),
                    b == null ? null : b.sessionsCount(),
                    a == null || b == null ? a == b : a.sessionsCount() == b.sessionsCount()));
        }
        return out;
    }

    private static UserOfferProbability view(byte[] value) {
        return value == null ? null : JsonCodec.decode(value, UserOfferProbability.class);
    }

    private static <T> T decodeOrNull(byte[] value, Class<T> type) {
        try {
            return JsonCodec.decode(value, type);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
