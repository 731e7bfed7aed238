package com.offerpulse.realtime;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.FullyQualifiedAnnotationBeanNameGenerator;
import org.springframework.context.annotation.Import;

import com.offerpulse.platform.PlatformModule;
import com.offerpulse.platform.sessions.SessionDirectoryConfiguration;

/** The realtime rooms as a library: its own main and the launcher both import this. */
@Configuration(proxyBeanMethods = false)
@Import({PlatformModule.class, SessionDirectoryConfiguration.class})
@EnableConfigurationProperties(RealtimeSettings.class)
@ComponentScan(basePackages = "com.offerpulse.realtime",
        nameGenerator = FullyQualifiedAnnotationBeanNameGenerator.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class))
public class RealtimeWsModule {
}
