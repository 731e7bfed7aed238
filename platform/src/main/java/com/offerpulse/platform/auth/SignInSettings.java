package com.offerpulse.platform.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;

/**
 * Sign-in limits ({@code offerpulse.auth.*}), shared by every sign-in route (guest sign-in, dev-login).
 *
 * @param signInsPerMinute   sign-ins one client address (IPv4, or IPv6 /64) may make per minute, all at once if it
 *                           likes; beyond: 429 with Retry-After. Default {@value #DEFAULT_SIGN_INS_PER_MINUTE}
 * @param maxTrackedClients  the limiter keeps at most this many addresses (least recently used dropped first)
 */
@Validated
@ConfigurationProperties("offerpulse.auth")
public record SignInSettings(
        @DefaultValue("" + DEFAULT_SIGN_INS_PER_MINUTE) @Min(1) int signInsPerMinute,
        @DefaultValue("100000") @Min(1) int maxTrackedClients) {
    public static final int DEFAULT_SIGN_INS_PER_MINUTE = 10;
}
