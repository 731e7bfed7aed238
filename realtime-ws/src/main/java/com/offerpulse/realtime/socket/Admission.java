package com.offerpulse.realtime.socket;

/**
 * A checked room handshake: the round, its caller, whether the caller joins as an invited (read-only) viewer (and with which invite) and,
 * when the client asks to recover, the last seq and epoch it saw ({@code ?last_seq=&epoch=}; both or neither).
 */
record Admission(String sessionId, String userId, Long lastSeq, String epoch, String inviteId) {
    /** The same handshake by an invited viewer; {@code inviteId} names the invite it came with. */
    Admission asViewer(String inviteId) {
        return new Admission(sessionId, userId, lastSeq, epoch, inviteId);
    }

    boolean viewer() {
        return inviteId != null;
    }

    boolean wantsRecovery() {
        return lastSeq != null && epoch != null;
    }
}
