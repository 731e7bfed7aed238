package com.offerpulse.query.user;

import java.util.List;

/** A page of rounds, newest first; {@code next_cursor} is null on the last page. */
public record RoundPage(List<RoundItem> sessions, String nextCursor) {
}
