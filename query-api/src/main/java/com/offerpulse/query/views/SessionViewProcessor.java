package com.offerpulse.query.views;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import com.offerpulse.contracts.analytics.SessionMeters;
import com.offerpulse.contracts.analytics.SessionSummary;
import com.offerpulse.contracts.analytics.TaggedSentence;
import com.offerpulse.contracts.session.SessionDeleted;
import com.offerpulse.contracts.session.SessionEnded;
import com.offerpulse.contracts.session.SessionStarted;

/**
 * Folds lifecycle events, meters and the summary of a round into its {@link SessionView}, and writes each sentence
 * under its own key ({@link SentenceKeys}). A sentence costs one read of the (bounded) view and one write of the
 * sentence, whatever the round's length; nothing is rewritten per sentence.
 * <p>
 * Deleting a round turns its view into a marker and removes its sentences; late records of a deleted round are
 * dropped. A record this processor cannot use (no key, null value, unknown kind, a sentence under another round's
 * key) is skipped and counted, never thrown on.
 */
final class SessionViewProcessor implements Processor<String, Object, Void, Void> {
    static final String NAME = "session-views";
    private static final StringSerializer KEYS = new StringSerializer();

    private KeyValueStore<String, SessionView> views;
    private KeyValueStore<String, TaggedSentence> sentences;
    private SkippedRecords skipped;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        views = context.getStateStore(QueryTopology.SESSION_STORE);
        sentences = context.getStateStore(QueryTopology.SENTENCE_STORE);
        skipped = new SkippedRecords(context, NAME);
    }

    @Override
    public void process(Record<String, Object> record) {
        String id = record.key();
        Object value = record.value();
        if (!SentenceKeys.usable(id) || value == null) {
            skipped.record();
            return;
        }
        SessionView current = views.get(id);
        if (current != null && current.deleted()) {
            return;
        }
        if (value instanceof SessionDeleted) {
            deleteSentences(id);
            views.put(id, SessionView.tombstone(id));
            return;
        }
        SessionView view = current == null ? SessionView.empty(id) : moveLegacySentences(id, current);
        SessionView next;
        if (value instanceof SessionStarted s) {
            next = view.started(s);
        } else if (value instanceof SessionEnded e) {
            next = view.ended(e);
        } else if (value instanceof SessionMeters m) {
            next = view.metered(m);
        } else if (value instanceof SessionSummary s) {
            next = view.summarized(s);
        } else {
            if (value instanceof TaggedSentence t && id.equals(t.sessionId())) {
                sentences.put(SentenceKeys.of(id, t.index()), t);
            } else {
                // An unknown kind, or a sentence keyed by another round than its own: not this round's.
                skipped.record();
            }
            // The view itself is unchanged: it is written only when its legacy sentences were just moved out.
            next = current != null && view != current ? view : null;
        }
        if (next != null) {
            views.put(id, next);
        }
    }

    /**
     * A view written before sentences had their own store still holds them inline: move them there once (a sentence
     * already in the store is newer and stays), and drop them from the view.
     */
    private SessionView moveLegacySentences(String id, SessionView view) {
        if (view.legacySentences().isEmpty()) {
            return view;
        }
        for (TaggedSentence s : view.legacySentences()) {
            String key = SentenceKeys.of(id, s.index());
            if (sentences.get(key) == null) {
                sentences.put(key, s);
            }
        }
        return view.withoutLegacySentences();
    }

    private void deleteSentences(String id) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, TaggedSentence> it = sentences.prefixScan(SentenceKeys.prefix(id), KEYS)) {
            while (it.hasNext()) {
                KeyValue<String, TaggedSentence> kv = it.next();
                keys.add(kv.key);
            }
        }
        keys.forEach(sentences::delete);
    }
}
