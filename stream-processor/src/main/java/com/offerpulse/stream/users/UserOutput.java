package com.offerpulse.stream.users;

import com.offerpulse.contracts.analytics.SessionSummary;
import com.offerpulse.contracts.analytics.UserOfferProbability;
import com.offerpulse.contracts.growth.ProductEvent;

/** What the user processor emits; the topology routes each kind to its topic. */
public sealed interface UserOutput {
    record Summary(SessionSummary value) implements UserOutput {
    }

    record Probability(UserOfferProbability value) implements UserOutput {
    }

    record Event(ProductEvent value) implements UserOutput {
    }
}
