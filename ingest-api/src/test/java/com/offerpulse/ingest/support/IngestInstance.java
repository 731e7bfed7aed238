package com.offerpulse.ingest.support;

import com.offerpulse.testsupport.auth.TestTokens;

import java.time.Duration;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.offerpulse.ingest.IngestApiApplication;

/** One ingest API process-equivalent on a random port, against a real broker. */
public final class IngestInstance implements AutoCloseable {
    private final ConfigurableApplicationContext context;
    private final WebTestClient web;

    private IngestInstance(ConfigurableApplicationContext context) {
        this.context = context;
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        this.web = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    public static IngestInstance start(String bootstrap, String... extraArgs) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--server.port=0",
                "--offerpulse.kafka.bootstrap=" + bootstrap,
                "--offerpulse.jwt.secret=" + TestTokens.SECRET,
                // Short client timeouts so "broker down" answers quickly in tests.
                "--offerpulse.kafka.max-block=2s",
                "--offerpulse.kafka.request-timeout=2s",
                "--offerpulse.kafka.delivery-timeout=4s",
                "--offerpulse.sessions.catch-up=5s"));
        args.addAll(java.util.List.of(extraArgs));
        return new IngestInstance(new SpringApplicationBuilder(IngestApiApplication.class)
                .properties("spring.config.name=ingest-api")
                .run(args.toArray(String[]::new)));
    }

    public WebTestClient web() {
        return web;
    }

    public WebTestClient.RequestBodySpec post(String path, String userId) {
        return web.post().uri(path).contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBearerAuth(TestTokens.forUser(userId)));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
