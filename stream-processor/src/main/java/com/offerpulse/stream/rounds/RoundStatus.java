package com.offerpulse.stream.rounds;

public enum RoundStatus {
    OPEN, ENDED, DELETED
}
