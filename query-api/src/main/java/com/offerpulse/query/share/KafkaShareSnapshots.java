package com.offerpulse.query.share;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.offerpulse.contracts.growth.ShareSnapshot;
import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.platform.kafka.KafkaSettings;
import com.offerpulse.platform.kafka.deadletter.DeadLetters;
import com.offerpulse.platform.kafka.TopicMirror;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * The whole of {@code share.snapshots.v1} in memory on every query instance (a share link is public: any instance
 * may get the request, so no key routing). Only links that have not expired are kept: expired ones are dropped when
 * read and swept out every {@link #SWEEP_EVERY}, so memory follows the live links. Revoked ones stay until they
 * expire (their content cleared by the writer), so the owner's repeated revoke is answered consistently.
 */
final class KafkaShareSnapshots extends TopicMirror implements ShareSnapshots {

    static final Duration SWEEP_EVERY = Duration.ofMinutes(10);

    private final Map<String, ShareSnapshot> byHash = new ConcurrentHashMap<>();
    private final Clock clock;
    private Instant nextSweep = Instant.MIN; // mirror thread only

    KafkaShareSnapshots(KafkaSettings kafka, String topic, Duration catchUp, Duration retryAfter, Clock clock,
            MeterRegistry meters, DeadLetters deadLetters) {
        super(kafka, topic, "share-snapshots", catchUp, retryAfter, deadLetters);
        this.clock = clock;
        Gauge.builder("offerpulse.share.links", byHash, Map::size)
                .description("Share links (live or revoked) held by this instance").register(meters);
    }

    @Override
    public Mono<Optional<ShareSnapshot>> find(String tokenHash) {
        return caughtUp().then(Mono.fromSupplier(() -> Optional.ofNullable(byHash.get(tokenHash))));
    }

    @Override
    public void remember(ShareSnapshot snapshot) {
        byHash.merge(snapshot.tokenHash(), snapshot, KafkaShareSnapshots::later);
    }

    /** A revoke is final, whichever of the two paths (own write, topic) applies it first. */
    private static ShareSnapshot later(ShareSnapshot a, ShareSnapshot b) {
        return a.revoked() ? a : b;
    }

    @Override
    protected void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            byHash.remove(record.key());
            return;
        }
        Instant now = clock.instant();
        // A record that does not decode goes to the dead letters (TopicMirror.applyEach) and the mirror goes on.
        ShareSnapshot snapshot = JsonCodec.decode(record.value(), ShareSnapshot.class);
        if (now.isBefore(snapshot.expiresAt())) {
            remember(snapshot);
        } else {
            byHash.remove(snapshot.tokenHash());
        }
        if (!now.isBefore(nextSweep)) {
            byHash.values().removeIf(s -> !now.isBefore(s.expiresAt()));
            nextSweep = now.plus(SWEEP_EVERY);
        }
    }
}
