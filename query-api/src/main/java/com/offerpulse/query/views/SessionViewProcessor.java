package com.offerpulse.query.views;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import com.offerpulse.contracts.analytics.SessionMeters;
import com.offerpulse.contracts.analytics.SessionSummary;
import com.offerpulse.contracts.analytics.TaggedSentence;
import com.offerpulse.contracts.session.SessionDeleted;
import com.offerpulse.contracts.session.SessionEnded;
import com.offerpulse.contracts.session.SessionLifecycleEvent;
import com.offerpulse.contracts.session.SessionStarted;

/** Folds lifecycle events, sentences, meters and the summary of a round into its {@link SessionView}. */
final class SessionViewProcessor implements Processor<String, Object, Void, Void> {
    private KeyValueStore<String, SessionView> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(QueryTopology.SESSION_STORE);
    }

    @Override
    public void process(Record<String, Object> record) {
        String id = record.key();
        Object value = record.value();
        if (id == null || value == null) {
            return;
        }
        SessionView current = store.get(id);
        if (current != null && current.deleted()) {
            return;
        }
        SessionView view = current == null ? SessionView.empty(id) : current;
        SessionView next;
        if (value instanceof SessionDeleted) {
            next = SessionView.tombstone(id);
        } else if (value instanceof SessionStarted s) {
            next = new SessionView(id, s.userId(), s.question(), s.targetRole(), s.occurredAt(), view.ended(),
                    view.endedAt(), false, view.sentences(), view.meters(), view.summary());
        } else if (value instanceof SessionEnded e) {
            next = new SessionView(id, view.userId() == null ? e.userId() : view.userId(), view.question(),
                    view.targetRole(), view.startedAt(), true, e.occurredAt(), false, view.sentences(), view.meters(),
                    view.summary());
        } else if (value instanceof TaggedSentence t) {
            List<TaggedSentence> sentences = new ArrayList<>(view.sentences());
            sentences.removeIf(s -> s.index() == t.index());
            sentences.add(t);
            sentences.sort(Comparator.comparingInt(TaggedSentence::index));
            next = new SessionView(id, view.userId(), view.question(), view.targetRole(), view.startedAt(),
                    view.ended(), view.endedAt(), false, sentences, view.meters(), view.summary());
        } else if (value instanceof SessionMeters m) {
            SessionMeters latest = view.meters() == null || m.asOfSeq() >= view.meters().asOfSeq() ? m : view.meters();
            next = new SessionView(id, view.userId(), view.question(), view.targetRole(), view.startedAt(),
                    view.ended(), view.endedAt(), false, view.sentences(), latest, view.summary());
        } else if (value instanceof SessionSummary s) {
            next = new SessionView(id, view.userId() == null ? s.userId() : view.userId(), view.question(),
                    view.targetRole(), view.startedAt(), true, view.endedAt() == null ? s.endedAt() : view.endedAt(),
                    false, view.sentences(), view.meters(), s);
        } else if (value instanceof SessionLifecycleEvent) {
            return;
        } else {
            return;
        }
        store.put(id, next);
    }
}
