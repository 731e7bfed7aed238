package com.offerpulse.stream.kpi;

import java.time.LocalDate;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import com.offerpulse.contracts.kpi.DailyFunnel;

/** Keyed by ISO date: applies funnel deltas to the day and forwards it to the compacted {@code kpi.daily.v1}. */
final class DailyFunnelProcessor implements Processor<String, FunnelDelta, String, DailyFunnel> {
    private final FunnelFold fold;
    private ProcessorContext<String, DailyFunnel> context;
    private KeyValueStore<String, DailyFunnel> store;

    DailyFunnelProcessor(FunnelFold fold) {
        this.fold = fold;
    }

    @Override
    public void init(ProcessorContext<String, DailyFunnel> context) {
        this.context = context;
        this.store = context.getStateStore(KpiTopology.DAILY_STORE);
    }

    @Override
    public void process(Record<String, FunnelDelta> record) {
        FunnelDelta delta = record.value();
        if (delta == null || !DailyFunnel.keyOf(delta.day()).equals(record.key())) {
            return;
        }
        DailyFunnel known = store.get(record.key());
        DailyFunnel next = fold.apply(known == null ? DailyFunnel.empty(LocalDate.parse(record.key())) : known, delta);
        if (!next.equals(known)) {
            store.put(record.key(), next);
            context.forward(record.withValue(next));
        }
    }
}
