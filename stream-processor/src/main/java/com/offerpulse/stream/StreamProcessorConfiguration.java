package com.offerpulse.stream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.offerpulse.platform.kafka.KafkaSettings;
import com.offerpulse.platform.kafka.LowLatencyStreamsConfig;
import com.offerpulse.platform.kafka.ManagedKafkaStreams;
import com.offerpulse.platform.kafka.deadletter.DeadLetters;
import com.offerpulse.stream.probability.OfferProbabilityModel;
import com.offerpulse.stream.rounds.RoundEngine;
import com.offerpulse.stream.tagging.SentenceSplitter;
import com.offerpulse.stream.tagging.SentenceTagger;

import io.micrometer.core.instrument.MeterRegistry;

/** Wires the topology's collaborators and runs it; the topology itself is {@link OfferPulseTopology#build}. */
@Configuration(proxyBeanMethods = false)
class StreamProcessorConfiguration {

    @Bean
    SentenceTagger streamSentenceTagger() {
        return SentenceTagger.load();
    }

    @Bean
    OfferProbabilityModel streamOfferProbabilityModel() {
        return new OfferProbabilityModel();
    }

    @Bean
    ManagedKafkaStreams streamProcessorStreams(StreamSettings settings, KafkaSettings kafka, SentenceTagger tagger,
            OfferProbabilityModel model, MeterRegistry meters, DeadLetters deadLetters) {
        RoundEngine engine = new RoundEngine(new SentenceSplitter(), tagger, settings);
        return new ManagedKafkaStreams(settings.applicationId(), OfferPulseTopology.build(settings, engine, model),
                LowLatencyStreamsConfig.forService(
                        OfferPulseTopology.streamsConfig(settings, kafka.bootstrap()),
                        kafka, deadLetters),
                meters);
    }
}
