package com.offerpulse.query.views;

import java.util.List;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import com.offerpulse.contracts.analytics.SessionSummary;
import com.offerpulse.contracts.session.SessionDeleted;

/**
 * Keeps each user's round list: summaries add a round (the list keeps the newest {@code maxRounds}), deletions
 * (re-keyed by user) remove it. A record it cannot use is skipped and counted, never thrown on.
 */
final class UserRoundsProcessor implements Processor<String, Object, Void, Void> {
    static final String NAME = "user-rounds";
    private final int maxRounds;
    private KeyValueStore<String, UserRoundList> store;
    private SkippedRecords skipped;

    UserRoundsProcessor(int maxRounds) {
        this.maxRounds = maxRounds;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(QueryTopology.USER_ROUNDS_STORE);
        skipped = new SkippedRecords(context, NAME);
    }

    @Override
    public void process(Record<String, Object> record) {
        String userId = record.key();
        if (userId == null || record.value() == null) {
            skipped.record();
            return;
        }
        UserRoundList current = store.get(userId);
        UserRoundList list = current == null ? new UserRoundList(userId, List.of(), List.of()) : current;
        if (record.value() instanceof SessionSummary s) {
            store.put(userId, list.with(s, maxRounds));
        } else if (record.value() instanceof SessionDeleted d) {
            store.put(userId, list.without(d.sessionId()));
        } else {
            skipped.record();
        }
    }
}
