package com.offerpulse.platform.sessions;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param catchUp how long a lookup that misses waits for this instance to read the lifecycle topic up to its end
 *                before answering 503
 */
@ConfigurationProperties("offerpulse.sessions")
public record SessionDirectorySettings(@DefaultValue("3s") Duration catchUp) {
}
