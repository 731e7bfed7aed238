package com.offerpulse.platform.kafka;

import com.offerpulse.contracts.topic.Topic;

/** A record about to be written: topic, key and the already-encoded value. */
public record OutboundRecord(String topic, String key, byte[] value) {

    public static <V> OutboundRecord of(Topic<String, V> topic, String key, V value) {
        return new OutboundRecord(topic.name(), key, topic.valueSerde().serializer().serialize(topic.name(), value));
    }
}
