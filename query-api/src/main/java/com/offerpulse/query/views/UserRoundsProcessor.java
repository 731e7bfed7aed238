package com.offerpulse.query.views;

import java.util.List;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import com.offerpulse.contracts.analytics.SessionSummary;
import com.offerpulse.contracts.session.SessionDeleted;

/** Keeps each user's round list: summaries add a round, deletions (re-keyed by user) remove it. */
final class UserRoundsProcessor implements Processor<String, Object, Void, Void> {
    private KeyValueStore<String, UserRoundList> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(QueryTopology.USER_ROUNDS_STORE);
    }

    @Override
    public void process(Record<String, Object> record) {
        String userId = record.key();
        if (userId == null || record.value() == null) {
            return;
        }
        UserRoundList current = store.get(userId);
        UserRoundList list = current == null ? new UserRoundList(userId, List.of(), List.of()) : current;
        if (record.value() instanceof SessionSummary s) {
            store.put(userId, list.with(s));
        } else if (record.value() instanceof SessionDeleted d) {
            store.put(userId, list.without(d.sessionId()));
        }
    }
}
