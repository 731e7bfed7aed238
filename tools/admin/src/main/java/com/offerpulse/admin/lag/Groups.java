package com.offerpulse.admin.lag;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/** Consumer group look-ups where a group that never committed is a normal answer, not an error. */
public final class Groups {
    private Groups() {
    }

    /** The group's description, or {@code null} when the cluster does not know the group. */
    public static ConsumerGroupDescription describe(KafkaFuture<ConsumerGroupDescription> future, long timeoutMs)
            throws Exception {
        try {
            return future.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return null;
            }
            throw e;
        }
    }
}
