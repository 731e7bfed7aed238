package com.offerpulse.realtime.room;

import java.util.List;
import java.util.Optional;

/**
 * What a batch append did: {@code stored} holds one entry per append that completed, in order, from the first
 * (empty = a duplicate the store dropped); when {@code failure} is set, the append right after them failed and the
 * ones after it must be retried.
 */
public record AppendResult(List<Optional<RoomMessage>> stored, RuntimeException failure) {
}
