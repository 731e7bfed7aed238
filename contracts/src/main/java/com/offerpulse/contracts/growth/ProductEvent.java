package com.offerpulse.contracts.growth;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import com.offerpulse.contracts.json.ContractViolation;
import com.offerpulse.contracts.json.Require;

/**
 * A product analytics event on {@code product.events.v1}, keyed by user id when known, else anonymous id.
 * Properties are short strings only (never transcript text).
 */
public record ProductEvent(String eventId, ProductEventName name, String anonymousId, String userId, String sessionId,
        Map<String, String> properties, Instant occurredAt) {

    public static final int MAX_PROPERTIES = 20;
    public static final int MAX_PROPERTY_LENGTH = 200;
    public static final int MAX_ID_LENGTH = 64;

    public ProductEvent {
        Require.notBlank(eventId, "event_id");
        Require.present(name, "name");
        if ((anonymousId == null || anonymousId.isBlank()) && (userId == null || userId.isBlank())) {
            throw new ContractViolation("anonymous_id", "is required when there is no user_id");
        }
        Require.maxLength(anonymousId, MAX_ID_LENGTH, "anonymous_id");
        Require.maxLength(sessionId, MAX_ID_LENGTH, "session_id");
        properties = properties == null ? Map.of() : properties;
        if (properties.size() > MAX_PROPERTIES) {
            throw new ContractViolation("properties", "must hold at most " + MAX_PROPERTIES + " entries");
        }
        properties.forEach((k, v) -> {
            Require.maxLength(k, MAX_ID_LENGTH, "properties");
            Require.present(v, "properties." + k);
            Require.maxLength(v, MAX_PROPERTY_LENGTH, "properties." + k);
        });
        properties = java.util.Collections.unmodifiableMap(new TreeMap<>(properties));
        Require.present(occurredAt, "occurred_at");
    }

    /** The Kafka key: the user once known, so a user's events stay on one partition. */
    public String partitionKey() {
        return userId != null && !userId.isBlank() ? userId : anonymousId;
    }
}
