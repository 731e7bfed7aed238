package com.offerpulse.ingest;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The ingest API alone, as its own executable jar (reads {@code ingest-api.properties}). */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(IngestApiModule.class)
public class IngestApiApplication {
    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(IngestApiApplication.class);
        app.setDefaultProperties(java.util.Map.of("spring.config.name", "ingest-api"));
        app.run(args);
    }
}
