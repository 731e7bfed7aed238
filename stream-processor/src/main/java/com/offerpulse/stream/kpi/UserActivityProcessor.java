package com.offerpulse.stream.kpi;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import com.offerpulse.contracts.analytics.SessionSummary;
import com.offerpulse.contracts.growth.ProductEvent;
import com.offerpulse.contracts.kpi.UserActivity;

/**
 * Keyed by user id: round summaries and the user's product events fold into their {@link UserActivity}, which is
 * forwarded to the compacted {@code kpi.user-activity.v1} whenever it changed.
 */
final class UserActivityProcessor implements Processor<String, Object, String, UserActivity> {
    private final UserActivityFold fold;
    private ProcessorContext<String, UserActivity> context;
    private KeyValueStore<String, UserActivity> store;

    UserActivityProcessor(UserActivityFold fold) {
        this.fold = fold;
    }

    @Override
    public void init(ProcessorContext<String, UserActivity> context) {
        this.context = context;
        this.store = context.getStateStore(KpiTopology.USER_ACTIVITY_STORE);
    }

    @Override
    public void process(Record<String, Object> record) {
        String userId = record.key();
        if (userId == null || userId.isBlank() || record.value() == null) {
            return;
        }
        UserActivity known = store.get(userId);
        UserActivity current = known == null ? UserActivity.empty(userId) : known;
        UserActivity next;
        if (record.value() instanceof SessionSummary summary && userId.equals(summary.userId())) {
            next = fold.withRound(current, summary);
        } else if (record.value() instanceof ProductEvent event && userId.equals(event.userId())) {
            next = fold.withEvent(current, event);
        } else {
            return;
        }
        if (!next.equals(current)) {
            store.put(userId, next);
            context.forward(record.withValue(next));
        }
    }
}
