package com.offerpulse.query.support;

import com.offerpulse.testsupport.auth.TestTokens;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.offerpulse.platform.kafka.ManagedKafkaStreams;
import com.offerpulse.query.QueryApiApplication;
import com.offerpulse.query.routing.ViewRouter;
import com.offerpulse.query.share.ShareSnapshots;
import com.offerpulse.query.share.ShareWriter;

/** The whole query application with its views held in memory, so every status can be provoked. */
@SpringBootTest(classes = QueryApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"offerpulse.jwt.secret=" + TestTokens.SECRET,
                // Web slices fill their views themselves; no broker to mirror the KPI topics from.
                "offerpulse.query.kpi.reader-enabled=false"})
// A generous timeout: the first request after start-up can be slow on a busy two-core machine.
@AutoConfigureWebTestClient(timeout = "PT30S")
public abstract class QueryWebTestBase {
    protected static final String ALICE = "u_alice";
    protected static final String BOB = "u_bob";

    @TestBean(methodName = "com.offerpulse.query.support.QueryWebTestBase#inMemoryViews")
    protected ViewRouter router;

    @TestBean(name = "queryStreams", methodName = "com.offerpulse.query.support.QueryWebTestBase#inertStreams")
    protected ManagedKafkaStreams streams;

    /** Share links in memory, so no test context reads the share topic (the share tests fill it). */
    @TestBean(name = "shareSnapshots", methodName = "com.offerpulse.query.support.QueryWebTestBase#inMemoryShares")
    protected ShareSnapshots shareSnapshots;

    @TestBean(name = "shareWriter", methodName = "com.offerpulse.query.support.QueryWebTestBase#fakeShareWriter")
    protected ShareWriter shareWriter;

    @Autowired
    protected WebTestClient web;

    protected InMemoryViews views;

    static ViewRouter inMemoryViews() {
        return new InMemoryViews();
    }

    static ManagedKafkaStreams inertStreams() {
        return ManagedKafkaStreams.inert("test");
    }

    static ShareSnapshots inMemoryShares() {
        return new InMemoryShareSnapshots();
    }

    static ShareWriter fakeShareWriter() {
        return new FakeShareWriter();
    }

    @BeforeEach
    void resetViews() {
        views = (InMemoryViews) router;
        views.reset();
        ((InMemoryShareSnapshots) shareSnapshots).reset();
        ((FakeShareWriter) shareWriter).reset();
    }

    protected WebTestClient.ResponseSpec get(String path, String userId) {
        return web.get().uri(path).headers(h -> {
            if (userId != null) {
                h.setBearerAuth(TestTokens.forUser(userId));
            }
        }).exchange();
    }
}
