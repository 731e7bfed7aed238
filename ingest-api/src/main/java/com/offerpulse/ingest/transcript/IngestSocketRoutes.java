package com.offerpulse.ingest.transcript;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;

/** The ingest module's one WebSocket route. */
@Configuration(proxyBeanMethods = false)
class IngestSocketRoutes {

    @Bean
    SimpleUrlHandlerMapping ingestSocketMapping(TranscriptSocketHandler handler) {
        return new SimpleUrlHandlerMapping(Map.of("/ws/ingest/*", handler), Ordered.HIGHEST_PRECEDENCE);
    }
}
