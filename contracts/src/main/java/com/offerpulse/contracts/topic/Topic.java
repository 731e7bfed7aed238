package com.offerpulse.contracts.topic;

import org.apache.kafka.common.serialization.Serde;

/**
 * A typed topic: its name, key and value serdes, and whether it is compacted. Producers, topologies and tests
 * share these constants so a topic name is never typed twice.
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, Cleanup cleanup, String keyDescription,
        String writer) {

    public enum Cleanup {
        /** Events kept for the retention period. */
        DELETE,
        /** Latest value per key kept forever; a null value deletes the key. */
        COMPACT
    }

    public boolean compacted() {
        return cleanup == Cleanup.COMPACT;
    }
}
