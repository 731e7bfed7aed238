package com.offerpulse.query.support;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.offerpulse.contracts.growth.ShareSnapshot;
import com.offerpulse.platform.problem.ApiProblem;
import com.offerpulse.query.share.ShareSnapshots;

import reactor.core.publisher.Mono;

/** Share links held in a map; can play an instance that cannot read the share topic in time. */
public class InMemoryShareSnapshots implements ShareSnapshots {
    private final Map<String, ShareSnapshot> byHash = new ConcurrentHashMap<>();
    private volatile boolean unreadable;

    @Override
    public Mono<Optional<ShareSnapshot>> find(String tokenHash) {
        if (unreadable) {
            return Mono.error(ApiProblem.unavailable("This data cannot be read right now; retry shortly.",
                    Duration.ofSeconds(2)));
        }
        return Mono.just(Optional.ofNullable(byHash.get(tokenHash)));
    }

    @Override
    public void remember(ShareSnapshot snapshot) {
        byHash.put(snapshot.tokenHash(), snapshot);
    }

    public void unreadable(boolean on) {
        unreadable = on;
    }

    public void reset() {
        byHash.clear();
        unreadable = false;
    }
}
