package com.offerpulse.platform.json;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import com.offerpulse.contracts.json.JsonCodec;

import tools.jackson.databind.json.JsonMapper;

/** HTTP and WebSocket bodies use the very mapper the Kafka serdes use: one wire format everywhere. */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    @Bean
    @Primary
    JsonMapper offerPulseJsonMapper() {
        return JsonCodec.mapper();
    }
}
