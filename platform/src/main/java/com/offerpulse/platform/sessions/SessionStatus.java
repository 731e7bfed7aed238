package com.offerpulse.platform.sessions;

public enum SessionStatus {
    OPEN, ENDED, DELETED
}
