package com.offerpulse.stream.prompts;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import com.offerpulse.contracts.growth.TestimonialPrompt;

/** Keyed by user id: applies {@link PromptRules} and emits the prompt whenever it changes. */
final class PromptProcessor implements Processor<String, PromptInput, String, TestimonialPrompt> {
    private final PromptRules rules;
    private ProcessorContext<String, TestimonialPrompt> context;
    private KeyValueStore<String, TestimonialPrompt> store;

    PromptProcessor(PromptRules rules) {
        this.rules = rules;
    }

    @Override
    public void init(ProcessorContext<String, TestimonialPrompt> context) {
        this.context = context;
        this.store = context.getStateStore(PromptTopology.PROMPT_STORE);
    }

    @Override
    public void process(Record<String, PromptInput> record) {
        String userId = record.key();
        if (userId == null || record.value() == null) {
            return;
        }
        rules.next(userId, store.get(userId), record.value()).ifPresent(next -> {
            store.put(userId, next);
            context.forward(new Record<>(userId, next, record.timestamp()));
        });
    }
}
