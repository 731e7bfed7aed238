package com.offerpulse.stream.users;

import java.util.List;

import com.offerpulse.contracts.analytics.UserOfferProbability;
import com.offerpulse.stream.probability.RoundResult;

/**
 * Per user (state store {@value com.offerpulse.stream.OfferPulseTopology#USER_STORE}): the recent rounds the model
 * reads, oldest first, and the current offer-probability view.
 */
public record UserRounds(String userId, List<RoundResult> recent, UserOfferProbability current) {
    public UserRounds {
        recent = recent == null ? List.of() : List.copyOf(recent);
    }
}
