package com.offerpulse.query.support;

import com.offerpulse.testsupport.web.IsolatedReactorResources;

import com.offerpulse.testsupport.auth.TestTokens;

import java.nio.file.Path;
import java.time.Duration;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.offerpulse.platform.kafka.ManagedKafkaStreams;
import com.offerpulse.query.QueryApiApplication;

/** One query-api instance on a random port with its own state directory, against a real broker. */
public final class QueryInstance implements AutoCloseable {
    private final ConfigurableApplicationContext context;
    private final WebTestClient web;
    private final String baseUrl;

    private QueryInstance(ConfigurableApplicationContext context) {
        this.context = context;
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        this.baseUrl = "http://127.0.0.1:" + port;
        this.web = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20)).build();
    }

    public static QueryInstance start(String bootstrap, Path stateDir, String applicationId) {
        return new QueryInstance(new SpringApplicationBuilder(QueryApiApplication.class, IsolatedReactorResources.class)
                .properties("spring.config.name=query-api")
                .run("--server.port=0",
                        "--offerpulse.kafka.bootstrap=" + bootstrap,
                        "--offerpulse.jwt.secret=" + TestTokens.SECRET,
                        "--offerpulse.query.application-id=" + applicationId,
                        "--offerpulse.query.state-dir=" + stateDir,
                        "--offerpulse.query.advertised-host=127.0.0.1"));
    }

    public String baseUrl() {
        return baseUrl;
    }

    public WebTestClient web() {
        return web;
    }

    public KafkaStreams.State state() {
        KafkaStreams s = context.getBean("queryStreams", ManagedKafkaStreams.class).streams();
        return s == null ? KafkaStreams.State.NOT_RUNNING : s.state();
    }

    @Override
    public void close() {
        context.close();
    }
}
