package com.offerpulse.platform.problem;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits every HTTP endpoint shares.
 *
 * @param maxBodySize           request bodies above this are refused with 413 (1 MiB)
 * @param maxKeepAliveRequests  requests per HTTP/1.1 connection; 1 until a reactor-netty keep-alive bug is fixed
 *                              (see {@code KeepAliveWorkaround}); 0 or less = unlimited
 */
@ConfigurationProperties("offerpulse.web")
public record WebLimits(@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue("1") int maxKeepAliveRequests) {
}
