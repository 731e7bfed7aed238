package com.offerpulse.ingest.transcript;

public record BatchAccepted(int accepted, long lastSeq) {
}
