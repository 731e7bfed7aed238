package com.offerpulse.realtime;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The realtime rooms alone, as their own executable jar (reads {@code realtime-ws.properties}). */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(RealtimeWsModule.class)
public class RealtimeWsApplication {
    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(RealtimeWsApplication.class);
        app.setDefaultProperties(java.util.Map.of("spring.config.name", "realtime-ws"));
        app.run(args);
    }
}
