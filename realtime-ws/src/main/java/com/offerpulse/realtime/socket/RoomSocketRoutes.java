package com.offerpulse.realtime.socket;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;

/** The realtime module's one WebSocket route. */
@Configuration(proxyBeanMethods = false)
class RoomSocketRoutes {

    @Bean
    SimpleUrlHandlerMapping realtimeRoomSocketMapping(RoomSocketHandler handler) {
        return new SimpleUrlHandlerMapping(Map.of("/ws/rooms/*", handler), Ordered.HIGHEST_PRECEDENCE);
    }
}
