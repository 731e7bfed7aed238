package com.offerpulse.stream.users;

import java.util.List;

import com.offerpulse.contracts.analytics.UserOfferProbability;
import com.offerpulse.stream.probability.RoundResult;

/**
 * Per user (state store {@value com.offerpulse.stream.OfferPulseTopology#USER_STORE}): the recent rounds the model
 * reads, in the order they ended, the current offer-probability view, and how many rounds the user has (beyond the
 * window the model reads).
 */
public record UserRounds(String userId, List<RoundResult> recent, UserOfferProbability current, int roundsSeen) {
    public UserRounds {
        recent = recent == null ? List.of() : List.copyOf(recent);
    }
}
