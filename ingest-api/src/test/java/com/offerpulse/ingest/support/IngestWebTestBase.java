package com.offerpulse.ingest.support;

import com.offerpulse.testsupport.auth.TestTokens;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.offerpulse.ingest.IngestApiApplication;
import com.offerpulse.platform.sessions.SessionDirectory;
import com.offerpulse.platform.sessions.SessionRecord;
import com.offerpulse.platform.sessions.SessionStatus;
import com.offerpulse.platform.kafka.RecordWriter;
import com.offerpulse.testsupport.kafka.FakeRecordWriter;

/**
 * The whole ingest application on a random port, with Kafka replaced by an in-memory writer and directory, so
 * every HTTP status can be provoked deterministically.
 */
@SpringBootTest(classes = IngestApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "offerpulse.jwt.secret=" + TestTokens.SECRET,
                "offerpulse.ingest.events-burst=3",
                "offerpulse.ingest.events-per-second=1"})
// A generous timeout: the first request after start-up can be slow on a busy two-core machine.
@AutoConfigureWebTestClient(timeout = "PT30S")
public abstract class IngestWebTestBase {
    protected static final String ALICE = "u_alice";
    protected static final String BOB = "u_bob";

    @TestBean(name = "ingestRecordWriter", methodName = "com.offerpulse.ingest.support.IngestWebTestBase#fakeWriter")
    protected RecordWriter writerBean;

    @TestBean(name = "sessionDirectory",
            methodName = "com.offerpulse.ingest.support.IngestWebTestBase#fakeDirectory")
    protected SessionDirectory directoryBean;

    @Autowired
    protected WebTestClient web;

    protected FakeRecordWriter writer;
    protected InMemorySessionDirectory directory;

    static RecordWriter fakeWriter() {
        return new FakeRecordWriter();
    }

    static SessionDirectory fakeDirectory() {
        return new InMemorySessionDirectory();
    }

    @BeforeEach
    void resetFakes() {
        writer = (FakeRecordWriter) writerBean;
        directory = (InMemorySessionDirectory) directoryBean;
        writer.reset();
        directory.reset();
    }

    protected String openRound(String userId) {
        String id = "s_" + userId + "_" + System.nanoTime();
        directory.remember(new SessionRecord(id, userId, SessionStatus.OPEN));
        return id;
    }

    protected String endedRound(String userId) {
        String id = openRound(userId);
        directory.remember(new SessionRecord(id, userId, SessionStatus.ENDED));
        return id;
    }

    protected WebTestClient.RequestBodySpec post(String path, String userId) {
        WebTestClient.RequestBodySpec spec = web.post().uri(path).contentType(MediaType.APPLICATION_JSON);
        if (userId != null) {
            spec.headers(h -> h.setBearerAuth(TestTokens.forUser(userId)));
        }
        return spec;
    }
}
