package com.offerpulse.query.kpi;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * KPI queries ({@code offerpulse.query.kpi.*}).
 *
 * @param readerEnabled read the KPI topics into this instance (off only in tests that fill the views themselves)
 * @param retryAfter    what a 503 asks the client to wait while the KPI topics are still being read at start
 * @param retryPause    how long the reader waits before asking again for topics that do not exist yet
 */
@Validated
@ConfigurationProperties("offerpulse.query.kpi")
public record KpiQuerySettings(
        @DefaultValue("true") boolean readerEnabled,
        @DefaultValue("2s") Duration retryAfter,
        @DefaultValue("1s") Duration retryPause) {
}
