package com.offerpulse.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The query API alone, as its own executable jar (reads {@code query-api.properties}). */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(QueryApiModule.class)
public class QueryApiApplication {
    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(QueryApiApplication.class);
        app.setDefaultProperties(java.util.Map.of("spring.config.name", "query-api"));
        app.run(args);
    }
}
