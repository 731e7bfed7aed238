package com.offerpulse.tools.replay;

/**
 * A live input record to copy into the sandbox: its key and value bytes as they are, the record time to give the
 * copy, and where it came from (for a stable order).
 */
record InputRecord(String key, byte[] value, long timestamp, int livePartition, long liveOffset) {

    InputRecord at(long newTimestamp) {
        return new InputRecord(key, value, newTimestamp, livePartition, liveOffset);
    }
}
