package com.offerpulse.ingest.rounds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.HttpStatus;

import com.offerpulse.ingest.IngestSettings;
import com.offerpulse.ingest.support.InMemorySessionDirectory;
import com.offerpulse.platform.problem.ApiProblem;
import com.offerpulse.platform.sessions.SessionRecord;
import com.offerpulse.platform.sessions.SessionStatus;

class RoundLedgerTest {
    private final MutableClock clock = new MutableClock();
    private final InMemorySessionDirectory directory = new InMemorySessionDirectory();
    private RoundLedger ledger;

    /** The settings record with its real defaults, a few bounds lowered to keep the tests short. */
    static IngestSettings settings(String... overrides) {
        java.util.Map<String, String> props = new java.util.HashMap<>();
        for (String o : overrides) {
            String[] kv = o.split("=", 2);
            props.put("offerpulse.ingest." + kv[0], kv[1]);
        }
        return new Binder(new MapConfigurationPropertySource(props))
                .bindOrCreate("offerpulse.ingest", Bindable.of(IngestSettings.class));
    }

    @BeforeEach
    void setUp() {
        ledger = new RoundLedger(settings("max-open-rounds-per-user=2", "round-starts-per-minute=3",
                "max-segments-per-round=10", "max-characters-per-round=100"), directory, clock);
    }

    private void start(String user, String id) {
        ledger.reserveStart(user, id).block();
        directory.remember(new SessionRecord(id, user, SessionStatus.OPEN));
    }

    private static ApiProblem problemOf(Runnable r) {
        try {
            r.run();
        } catch (ApiProblem p) {
            return p;
        }
        throw new AssertionError("expected a problem");
    }

    @Test
    void shouldRefuseABatchThatWouldCrossTheSegmentBoundWholeAndKeepTheCountUnchanged() {
        start("u", "s1");
        ledger.reserveSegments("s1", "u", 8, 10);
        ApiProblem p = problemOf(() -> ledger.reserveSegments("s1", "u", 3, 10));
        assertThat(p.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(p.getMessage()).contains("at most 10 segments").contains("has 8").contains("has 3");
        ledger.reserveSegments("s1", "u", 2, 10); // exactly up to the bound still fits
    }

    @Test
    void shouldRefuseABatchThatWouldCrossTheCharacterBound() {
        start("u", "s1");
        ledger.reserveSegments("s1", "u", 1, 90);
        ApiProblem p = problemOf(() -> ledger.reserveSegments("s1", "u", 1, 11));
        assertThat(p.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(p.getMessage()).contains("at most 100 characters");
        assertThat(p.field()).isEqualTo("segments");
    }

    @Test
    void shouldGiveBackWhatAFailedWriteHadReserved() {
        start("u", "s1");
        ledger.reserveSegments("s1", "u", 10, 100);
        ledger.giveBack("s1", 10, 100);
        ledger.reserveSegments("s1", "u", 10, 100);
    }

    @Test
    void shouldTreatARoundAsOverOnceItRanForItsDuration() {
        start("u", "s1");
        clock.advance(Duration.ofMinutes(29));
        ledger.reserveSegments("s1", "u", 1, 1);
        assertThat(ledger.pastDuration("s1")).isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(ledger.pastDuration("s1")).isTrue();
        ApiProblem p = problemOf(() -> ledger.reserveSegments("s1", "u", 1, 1));
        assertThat(p.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(p.getMessage()).contains("30 minutes");
    }

    @Test
    void shouldCountTheDurationOfARoundStartedElsewhereFromItsFirstBatchHere() {
        clock.advance(Duration.ofHours(5));
        ledger.reserveSegments("s-elsewhere", "u", 1, 1);
        clock.advance(Duration.ofMinutes(29));
        ledger.reserveSegments("s-elsewhere", "u", 1, 1);
    }

    @Test
    void shouldRefuseAStartBeyondTheOpenRoundsWithTheTimeUntilOneCloses() {
        start("u", "s1");
        clock.advance(Duration.ofMinutes(1));
        start("u", "s2");
        ApiProblem p = problemOf(() -> ledger.reserveStart("u", "s3").block());
        assertThat(p.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(p.getMessage()).contains("End one first");
        // s1 is abandoned: the stream processor would time it out 10 minutes after its last input.
        assertThat(p.retryAfter()).isEqualTo(Duration.ofMinutes(9));
        start("other", "o1"); // another user is not affected
    }

    @Test
    void shouldFreeASlotWhenTheDirectorySaysARoundEndedOrWasDeleted() {
        start("u", "s1");
        start("u", "s2");
        directory.remember(new SessionRecord("s1", "u", SessionStatus.ENDED)); // e.g. ended through another instance
        start("u", "s3");
        ledger.over("s2"); // ended through this instance
        clock.advance(Duration.ofMinutes(1)); // (past the start rate)
        start("u", "s4");
        assertThatThrownBy(() -> ledger.reserveStart("u", "s5").block()).isInstanceOf(ApiProblem.class);
    }

    @Test
    void shouldLimitRoundStartsPerMinute() {
        for (int i = 0; i < 3; i++) {
            start("u", "s" + i);
            ledger.over("s" + i);
        }
        ApiProblem p = problemOf(() -> ledger.reserveStart("u", "s9").block());
        assertThat(p.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(p.getMessage()).contains("at most 3 rounds a minute");
        assertThat(p.retryAfter()).isEqualTo(Duration.ofSeconds(20));
        clock.advance(Duration.ofSeconds(20));
        start("u", "s9");
    }

    @Test
    void shouldReleaseTheSlotOfAStartThatFailed() {
        start("u", "s1");
        ledger.reserveStart("u", "s2").block();
        ledger.forget("s2");
        start("u", "s3");
    }

    @Test
    void shouldKeepAtMostMaxTrackedRoundsAndForgetRoundsThatCanNoLongerTakeSegments() {
        RoundLedger small = new RoundLedger(settings("max-tracked-rounds=3"), directory, clock);
        for (int i = 0; i < 10; i++) {
            small.reserveSegments("s" + i, "u" + i, 1, 1);
        }
        assertThat(small.trackedRounds()).isEqualTo(3);
        clock.advance(Duration.ofMinutes(42));
        small.reserveSegments("late", "u", 1, 1);
        assertThat(small.trackedRounds()).isEqualTo(1);
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
