package com.offerpulse.ingest.bounds;

import org.springframework.test.context.TestPropertySource;

import com.offerpulse.ingest.support.IngestWebTestBase;

/**
 * The ingest application with its bounds lowered so each is reached in a few requests (defaults: IngestSettings),
 * and dev-login on. One property set, so the tests that share it share one application context.
 */
@TestPropertySource(properties = {
        "offerpulse.ingest.max-segments-per-round=4",
        "offerpulse.ingest.max-characters-per-round=100",
        "offerpulse.ingest.user-characters-per-second=1",
        "offerpulse.ingest.user-characters-burst=150",
        "offerpulse.ingest.max-open-rounds-per-user=2",
        "offerpulse.ingest.round-starts-per-minute=3",
        "offerpulse.ingest.max-sockets-per-user=2",
        "offerpulse.ingest.socket-idle-timeout=1s",
        "offerpulse.ingest.anonymous-ids-per-client=2",
        "offerpulse.ingest.events-per-anonymous-id-per-minute=2",
        "offerpulse.ingest.events-burst=50",
        "offerpulse.auth.sign-ins-per-minute=3",
        "offerpulse.jwt.dev-login=true"})
abstract class BoundedIngestTestBase extends IngestWebTestBase {
}
