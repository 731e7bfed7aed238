package com.offerpulse.query.views;

import com.offerpulse.contracts.analytics.SessionSummary;

/** Lets tests in other packages build views through the same fold the processors use. */
public final class ViewsTestAccess {
    private ViewsTestAccess() {
    }

    public static UserRoundList with(UserRoundList list, SessionSummary s) {
        return list.with(s, UserRoundList.DEFAULT_ROUNDS_LISTED);
    }

    public static UserRoundList without(UserRoundList list, String sessionId) {
        return list.without(sessionId);
    }
}
