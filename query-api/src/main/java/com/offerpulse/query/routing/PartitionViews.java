package com.offerpulse.query.routing;

import java.util.List;
import java.util.Optional;

/**
 * The stores of one partition, as seen by the instance that owns it: what a request routed by one key may read. Stores
 * filled by the same processor are co-partitioned, so a request routed by a session id finds the round's view and
 * its sentences here.
 */
public interface PartitionViews {

    /** The value of {@code key} in {@code store} (empty when absent). */
    <V> Optional<V> get(String store, String key);

    /** The values of {@code store} whose key starts with {@code prefix}, in key order. */
    <V> List<V> withPrefix(String store, String prefix);
}
