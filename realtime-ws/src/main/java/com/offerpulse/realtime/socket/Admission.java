package com.offerpulse.realtime.socket;

/**
 * A checked room handshake: the round, its caller, whether the caller joins as an invited (read-only) viewer and,
 * when the client asks to recover, the last seq and epoch it saw ({@code ?last_seq=&epoch=}; both or neither).
 */
record Admission(String sessionId, String userId, Long lastSeq, String epoch, boolean viewer) {
    Admission asViewer() {
        return new Admission(sessionId, userId, lastSeq, epoch, true);
    }

    boolean wantsRecovery() {
        return lastSeq != null && epoch != null;
    }
}
