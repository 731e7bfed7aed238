package com.offerpulse.platform.logging;

import org.springframework.context.annotation.Configuration;

/**
 * Every service, alone or in the launcher, logs uncaught exceptions through SLF4J ({@link StructuredLogging}) once
 * its context starts; the launcher also does it before, from its {@code main}.
 */
@Configuration(proxyBeanMethods = false)
class UncaughtExceptionLogging {
    UncaughtExceptionLogging() {
        StructuredLogging.logUncaughtExceptions();
    }
}
