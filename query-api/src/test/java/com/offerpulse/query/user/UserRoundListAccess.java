package com.offerpulse.query.user;

import com.offerpulse.contracts.analytics.SessionSummary;
import com.offerpulse.query.views.UserRoundList;

/** Test access to the package-private fold of the view. */
final class UserRoundListAccess {
    private UserRoundListAccess() {
    }

    static UserRoundList with(UserRoundList list, SessionSummary s) {
        return com.offerpulse.query.views.ViewsTestAccess.with(list, s);
    }
}
