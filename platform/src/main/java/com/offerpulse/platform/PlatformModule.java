package com.offerpulse.platform;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FullyQualifiedAnnotationBeanNameGenerator;

/**
 * The plumbing every service shares. Each service module imports it; the launcher imports all of them and Spring
 * de-duplicates the import, so there is one security chain, one error handler and one JSON mapper per JVM.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackages = "com.offerpulse.platform", nameGenerator = FullyQualifiedAnnotationBeanNameGenerator.class)
public class PlatformModule {
}
