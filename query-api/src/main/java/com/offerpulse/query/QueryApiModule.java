package com.offerpulse.query;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.FullyQualifiedAnnotationBeanNameGenerator;
import org.springframework.context.annotation.Import;

import com.offerpulse.platform.PlatformModule;

/** The query API as a library: its own main and the launcher both import this. */
@Configuration(proxyBeanMethods = false)
@Import(PlatformModule.class)
@EnableConfigurationProperties(QuerySettings.class)
@ComponentScan(basePackages = "com.offerpulse.query",
        nameGenerator = FullyQualifiedAnnotationBeanNameGenerator.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class))
public class QueryApiModule {
}
