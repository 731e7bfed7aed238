package com.offerpulse.platform.problem;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** Limits every HTTP endpoint shares. Default body limit: 1 MiB. */
@ConfigurationProperties("offerpulse.web")
public record WebLimits(@DefaultValue("1MB") DataSize maxBodySize) {
}
