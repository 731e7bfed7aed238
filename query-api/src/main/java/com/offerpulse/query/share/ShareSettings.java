package com.offerpulse.query.share;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Share links ({@code offerpulse.share.*}).
 *
 * @param ttl                   how long a link works after it is created
 * @param defaultPeriodDays     the period a snapshot covers when the request names none
 * @param viewsPerSecond        sustained public views per client address
 * @param viewsBurst            public views a client address may make at once before the rate applies
 * @param catchUp               how long a view or revoke waits for this instance to have read every share write
 *                              acknowledged before it (read-your-writes across instances) before answering 503
 * @param publicBaseUrl         the origin share URLs start with; blank = the origin of the creating request
 * @param transactionalIdPrefix Kafka transactional id prefix of the share writer; give each instance a stable,
 *                              unique one in production. Blank: a random one per process
 */
@Validated
@ConfigurationProperties("offerpulse.share")
public record ShareSettings(
        @DefaultValue("30d") Duration ttl,
        @DefaultValue("30") @Min(1) @Max(ShareRequest.MAX_PERIOD_DAYS) int defaultPeriodDays,
        @DefaultValue("1") @DecimalMin("0.01") double viewsPerSecond,
        @DefaultValue("20") @Min(1) int viewsBurst,
        @DefaultValue("2s") Duration catchUp,
        URI publicBaseUrl,
        @DefaultValue("") String transactionalIdPrefix) {

    public ShareSettings {
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("offerpulse.share.ttl must be positive");
        }
    }
}
