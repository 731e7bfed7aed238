package com.offerpulse.contracts.deadletter;

import java.time.Instant;

import com.offerpulse.contracts.json.Require;

/**
 * Where a record that could not be processed sits, on {@code dead-letters.v1}: its coordinates, its size and the kind
 * of error, never its content (a transcript must not leak into a topic every operator reads). Written by whichever
 * application gave up on the record; processing goes on after it.
 *
 * @param application the Kafka Streams application id or plain consumer that quarantined the record
 * @param stage       {@link Stage} at which it failed
 * @param topic       the record's topic
 * @param partition   the record's partition (-1 when it never reached a partition, e.g. a refused production)
 * @param offset      the record's offset (-1 likewise)
 * @param key         the record's key, cut to {@value #MAX_KEY_LENGTH} characters (keys are ids, never text)
 * @param sizeBytes   the serialized value's size (-1 when unknown)
 * @param error       the exception's class name, never its message (messages can quote the payload)
 * @param occurredAt  when it was quarantined
 */
public record DeadLetter(String application, Stage stage, String topic, int partition, long offset, String key,
        long sizeBytes, String error, Instant occurredAt) {

    public static final int MAX_KEY_LENGTH = 128;

    /** Where the record failed. */
    public enum Stage {
        /** its key or value could not be decoded */
        DESERIALIZATION,
        /** decoding worked but processing it threw */
        PROCESSING,
        /** a result derived from it could not be written (e.g. larger than the producer allows) */
        PRODUCTION
    }

    public DeadLetter {
        Require.notBlank(application, "application");
        Require.present(stage, "stage");
        Require.notBlank(topic, "topic");
        Require.notBlank(error, "error");
        Require.present(occurredAt, "occurred_at");
        key = key == null || key.length() <= MAX_KEY_LENGTH ? key : key.substring(0, MAX_KEY_LENGTH);
    }

    /** The error recorded for an exception: its class name only. */
    public static String errorOf(Throwable e) {
        return e == null ? "unknown" : e.getClass().getName();
    }
}
