package com.offerpulse.realtime.room;

import java.util.Optional;

import com.offerpulse.platform.sessions.SessionDirectory;
import com.offerpulse.platform.sessions.SessionStatus;

import reactor.core.publisher.Mono;

/** Room owners from the shared session directory (platform), which every instance reads from the lifecycle topic. */
final class DirectoryRoomOwners implements RoomOwners {
    private final SessionDirectory directory;

    DirectoryRoomOwners(SessionDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Mono<Optional<RoomOwner>> find(String sessionId) {
        return directory.find(sessionId).map(found -> found.map(r -> new RoomOwner(r.sessionId(), r.userId(),
                r.status() == SessionStatus.DELETED)));
    }
}
