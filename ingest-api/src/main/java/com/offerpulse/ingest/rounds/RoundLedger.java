package com.offerpulse.ingest.rounds;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.offerpulse.ingest.IngestSettings;
import com.offerpulse.platform.problem.ApiProblem;
import com.offerpulse.platform.sessions.SessionDirectory;
import com.offerpulse.platform.sessions.SessionStatus;
import com.offerpulse.platform.web.ClientRateLimiter;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The per-round and per-user bounds of the command side, kept in memory per instance:
 * <ul>
 * <li>segments and characters per round: a batch that would take the round past either is refused whole (422),
 * counted before the write and given back if the write fails, so concurrent batches cannot overshoot together;</li>
 * <li>round duration: a round takes segments for {@code maxRoundDuration} after it started, then it is over (409);</li>
 * <li>open rounds per user and round starts per minute per user (429 with Retry-After).</li>
 * </ul>
 * A round is known here from its start through this instance, or from the first batch this instance took for it
 * (its duration then counts from that moment). With several instances each keeps its own counts: the stream
 * processor's own cut (2,000 segments / 60,000 characters per round) is the authority, and a user's open rounds are
 * counted among those this instance has seen. Whether a round is still open is read from the session directory
 * (ended by the client, deleted, or timed out by the stream processor after its inactivity timeout); the ledger
 * never writes to it.
 *
 * <p>Bounded: at most {@code maxTrackedRounds} rounds (the oldest dropped first), and a round is forgotten once it
 * cannot take segments any more (its duration and the inactivity timeout both passed). About 100 bytes a round.
 */
@Component
public class RoundLedger {
    /** Kept a little beyond duration + inactivity, so the directory has heard of the timeout first. */
    private static final Duration FORGET_MARGIN = Duration.ofMinutes(1);

    private final IngestSettings settings;
    private final SessionDirectory directory;
    private final Clock clock;
    private final ClientRateLimiter starts;
    /** In the order rounds became known (= by start time). Guarded by {@code this}. */
    private final LinkedHashMap<String, Round> rounds = new LinkedHashMap<>();
    private final Map<String, List<Round>> byUser = new HashMap<>();

    RoundLedger(IngestSettings settings, SessionDirectory directory, Clock clock) {
        this.settings = settings;
        this.directory = directory;
        this.clock = clock;
        this.starts = ClientRateLimiter.perMinute(settings.roundStartsPerMinute(), settings.maxTrackedKeys());
    }

    private static final class Round {
        final String sessionId;
        final String userId;
        final long startedMillis;
        long lastActivityMillis;
        int segments;
        long characters;
        boolean over;

        Round(String sessionId, String userId, long now) {
            this.sessionId = sessionId;
            this.userId = userId;
            this.startedMillis = now;
            this.lastActivityMillis = now;
        }
    }

    /**
     * Before {@code POST /api/sessions} writes anything: refuses (429) a user at their open-round bound or start
     * rate, otherwise holds a slot for the new round. Call {@link #forget} if the start then fails.
     */
    public Mono<Void> reserveStart(String userId, String sessionId) {
        return refreshOpenRounds(userId).then(Mono.fromRunnable(() -> admitStart(userId, sessionId)));
    }

    /** Marks rounds the directory no longer has open (ended, deleted, timed out, or unknown to it) as over. */
    private Mono<Void> refreshOpenRounds(String userId) {
        List<String> ids;
        synchronized (this) {
            ids = byUser.getOrDefault(userId, List.of()).stream().filter(r -> !r.over).map(r -> r.sessionId).toList();
        }
        return Flux.fromIterable(ids)
                .concatMap(id -> directory.find(id).map(found -> {
                    if (found.isEmpty() || found.get().status() != SessionStatus.OPEN) {
                        over(id);
                    }
                    return id;
                }))
                .then();
    }

    private synchronized void admitStart(String userId, String sessionId) {
        long now = clock.millis();
        List<Round> open = openRoundsOf(userId, now);
        if (open.size() >= settings.maxOpenRoundsPerUser()) {
            Duration wait = open.stream().mapToLong(r -> freesAt(r) - now).min().stream()
                    .mapToObj(Duration::ofMillis).findFirst().orElse(Duration.ofMinutes(1));
            throw ApiProblem.tooManyRequests("You have " + open.size() + " open rounds, the most allowed at once. End "
                    + "one first (end or delete it); an abandoned round closes by itself after "
                    + settings.roundInactivityTimeout().toMinutes() + " minutes without input.", positive(wait));
        }
        Optional<Duration> wait = starts.tryAcquire(userId, now * 1_000_000);
        if (wait.isPresent()) {
            throw ApiProblem.tooManyRequests("You can start at most " + settings.roundStartsPerMinute()
                    + " rounds a minute; wait a moment.", wait.get());
        }
        track(new Round(sessionId, userId, now));
    }

    /**
     * Counts a batch against its round before it is written: 409 when the round has run for its duration, 422 when
     * the batch would take it past its segments or characters. Call {@link #giveBack} if the write then fails.
     */
    public synchronized void reserveSegments(String sessionId, String userId, int segments, long characters) {
        long now = clock.millis();
        Round round = rounds.get(sessionId);
        if (round == null) {
            round = new Round(sessionId, userId, now);
            track(round);
        }
        if (round.over || now - round.startedMillis >= settings.maxRoundDuration().toMillis()) {
            throw ApiProblem.conflict(overDetail());
        }
        if (round.segments + segments > settings.maxSegmentsPerRound()) {
            throw ApiProblem.unprocessable("segments", String.format("A round holds at most %,d segments; it has %,d "
                    + "and this batch has %,d. End this round and start a new one.", settings.maxSegmentsPerRound(),
                    round.segments, segments));
        }
        if (round.characters + characters > settings.maxCharactersPerRound()) {
            throw ApiProblem.unprocessable("segments", String.format("A round holds at most %,d characters; it has "
                    + "%,d and this batch has %,d. End this round and start a new one.",
                    settings.maxCharactersPerRound(), round.characters, characters));
        }
        round.segments += segments;
        round.characters += characters;
        round.lastActivityMillis = now;
    }

    /** A reserved batch was not written after all (Kafka refused it): its segments and characters count no more. */
    public synchronized void giveBack(String sessionId, int segments, long characters) {
        Round round = rounds.get(sessionId);
        if (round != null) {
            round.segments = Math.max(0, round.segments - segments);
            round.characters = Math.max(0, round.characters - characters);
        }
    }

    /** True once the round has run for its duration (it is then treated as over). */
    public synchronized boolean pastDuration(String sessionId) {
        Round round = rounds.get(sessionId);
        return round != null && clock.millis() - round.startedMillis >= settings.maxRoundDuration().toMillis();
    }

    /** The round ended or was deleted (through this instance or as the directory says): it is open no more. */
    public synchronized void over(String sessionId) {
        Round round = rounds.get(sessionId);
        if (round != null) {
            round.over = true;
        }
    }

    /** The start of this round failed: release its slot. */
    public synchronized void forget(String sessionId) {
        Round round = rounds.remove(sessionId);
        if (round != null) {
            untrackUser(round);
        }
    }

    /** The message a client gets when its round has run for its duration. */
    public String overDetail() {
        return "This round has run for " + settings.maxRoundDuration().toMinutes()
                + " minutes, the longest a round may take segments; end it and start a new one.";
    }

    synchronized int trackedRounds() {
        return rounds.size();
    }

    private List<Round> openRoundsOf(String userId, long now) {
        List<Round> open = new ArrayList<>();
        for (Round r : byUser.getOrDefault(userId, List.of())) {
            if (!r.over && now - r.startedMillis < settings.maxRoundDuration().toMillis()
                    && now - r.lastActivityMillis < settings.roundInactivityTimeout().toMillis()) {
                open.add(r);
            }
        }
        return open;
    }

    /** When a round stops counting as open: its duration ends, or the stream processor times it out. */
    private long freesAt(Round r) {
        return Math.min(r.startedMillis + settings.maxRoundDuration().toMillis(),
                r.lastActivityMillis + settings.roundInactivityTimeout().toMillis());
    }

    private void track(Round round) {
        long now = round.startedMillis;
        long forgetBefore = now - settings.maxRoundDuration().plus(settings.roundInactivityTimeout())
                .plus(FORGET_MARGIN).toMillis();
        for (Iterator<Round> it = rounds.values().iterator(); it.hasNext();) {
            Round eldest = it.next();
            if (rounds.size() < settings.maxTrackedRounds() && eldest.startedMillis >= forgetBefore) {
                break;
            }
            it.remove();
            untrackUser(eldest);
        }
        rounds.put(round.sessionId, round);
        byUser.computeIfAbsent(round.userId, k -> new ArrayList<>()).add(round);
    }

    private void untrackUser(Round round) {
        List<Round> list = byUser.get(round.userId);
        if (list != null) {
            list.remove(round);
            if (list.isEmpty()) {
                byUser.remove(round.userId);
            }
        }
    }

    private static Duration positive(Duration d) {
        return d.isNegative() || d.isZero() ? Duration.ofSeconds(1) : d;
    }
}
