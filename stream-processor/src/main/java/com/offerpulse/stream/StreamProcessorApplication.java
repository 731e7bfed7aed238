package com.offerpulse.stream;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The stream processor alone, as its own executable jar (reads {@code stream-processor.properties}). */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(StreamProcessorModule.class)
public class StreamProcessorApplication {
    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(StreamProcessorApplication.class);
        app.setDefaultProperties(java.util.Map.of("spring.config.name", "stream-processor"));
        app.run(args);
    }
}
