package com.offerpulse.platform;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.offerpulse.platform.kafka.KafkaSettings;
import com.offerpulse.platform.problem.WebLimits;
import com.offerpulse.platform.security.JwtSettings;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({JwtSettings.class, KafkaSettings.class, WebLimits.class})
class PlatformSettingsConfiguration {

    /** One clock for every service, so tests can pin time. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
