package com.offerpulse.ingest.directory;

import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.offerpulse.platform.problem.ApiProblem;
import com.offerpulse.platform.sessions.SessionDirectory;
import com.offerpulse.platform.sessions.SessionRecord;
import com.offerpulse.platform.sessions.SessionStatus;
import com.offerpulse.platform.security.AuthenticatedUser;

import reactor.core.publisher.Mono;

/** Decides whether a caller may write to a round: 404 unknown, 403 someone else's, 409 already ended. */
@Component
public class SessionAccess {
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private final SessionDirectory directory;

    SessionAccess(SessionDirectory directory) {
        this.directory = directory;
    }

    public Mono<SessionRecord> openSessionOf(String sessionId, AuthenticatedUser user) {
        return ownedSessionOf(sessionId, user).flatMap(record -> record.status() == SessionStatus.ENDED
                ? Mono.error(ApiProblem.conflict("This round has already ended; start a new one."))
                : Mono.just(record));
    }

    /** The caller's round, open or ended (not deleted): 404 unknown, 403 someone else's. */
    public Mono<SessionRecord> ownedSessionOf(String sessionId, AuthenticatedUser user) {
        if (sessionId == null || !SESSION_ID.matcher(sessionId).matches()) {
            return Mono.error(unknown());
        }
        return directory.find(sessionId).flatMap(found -> {
            SessionRecord record = found.filter(r -> r.status() != SessionStatus.DELETED).orElse(null);
            if (record == null) {
                return Mono.error(unknown());
            }
            if (!record.userId().equals(user.userId())) {
                return Mono.error(ApiProblem.forbidden("This round belongs to another user."));
            }
            return Mono.just(record);
        });
    }

    private static ApiProblem unknown() {
        return ApiProblem.notFound("No such round.");
    }
}
