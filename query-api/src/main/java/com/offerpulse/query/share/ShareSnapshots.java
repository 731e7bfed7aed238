package com.offerpulse.query.share;

import java.util.Optional;

import com.offerpulse.contracts.growth.ShareSnapshot;

import reactor.core.publisher.Mono;

/** Every share link's latest state, by token hash, as this instance has read it from {@code share.snapshots.v1}. */
public interface ShareSnapshots {

    /**
     * The link's state, read-your-writes across instances: waits until this instance has read every share write
     * acknowledged before the call. Errors with a 503 problem when that cannot happen in time.
     */
    Mono<Optional<ShareSnapshot>> find(String tokenHash);

    /** Records a state this instance itself just wrote and Kafka acknowledged. */
    void remember(ShareSnapshot snapshot);
}
