package com.offerpulse.ingest.directory;

public enum SessionStatus {
    OPEN, ENDED, DELETED
}
