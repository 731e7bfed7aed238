package com.offerpulse.stream.kpi;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import com.offerpulse.contracts.growth.ProductEvent;
import com.offerpulse.contracts.kpi.DailyFunnel;

/** Keyed by identity: folds its funnel events and forwards the resulting day deltas, keyed by their ISO date. */
final class IdentityFunnelProcessor implements Processor<String, ProductEvent, String, FunnelDelta> {
    private final FunnelFold fold;
    private ProcessorContext<String, FunnelDelta> context;
    private KeyValueStore<String, IdentityFunnel> store;

    IdentityFunnelProcessor(FunnelFold fold) {
        this.fold = fold;
    }

    @Override
    public void init(ProcessorContext<String, FunnelDelta> context) {
        this.context = context;
        this.store = context.getStateStore(KpiTopology.IDENTITY_STORE);
    }

    @Override
    public void process(Record<String, ProductEvent> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        IdentityFunnel known = store.get(record.key());
        FunnelFold.Step step = fold.apply(known == null ? IdentityFunnel.NONE : known, record.value());
        if (!step.state().equals(known)) {
            store.put(record.key(), step.state());
        }
        for (FunnelDelta delta : step.deltas()) {
            context.forward(new Record<>(DailyFunnel.keyOf(delta.day()), delta, record.timestamp()));
        }
    }
}
