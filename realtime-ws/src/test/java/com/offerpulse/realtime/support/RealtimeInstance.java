package com.offerpulse.realtime.support;

import com.offerpulse.testsupport.web.IsolatedReactorResources;

import com.offerpulse.testsupport.auth.TestTokens;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.offerpulse.realtime.RealtimeWsApplication;

/** One realtime instance on a random port, against a real broker and Redis. */
public final class RealtimeInstance implements AutoCloseable {
    private final ConfigurableApplicationContext context;
    private final int port;

    private RealtimeInstance(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    public static RealtimeInstance start(String bootstrap, String redisUri) {
        return new RealtimeInstance(new SpringApplicationBuilder(RealtimeWsApplication.class,
                IsolatedReactorResources.class)
                .properties("spring.config.name=realtime-ws")
                .run("--server.port=0",
                        "--offerpulse.kafka.bootstrap=" + bootstrap,
                        "--offerpulse.jwt.secret=" + TestTokens.SECRET,
                        "--offerpulse.realtime.redis-uri=" + redisUri,
                        "--offerpulse.realtime.redis-fallback=false"));
    }

    public int port() {
        return port;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
