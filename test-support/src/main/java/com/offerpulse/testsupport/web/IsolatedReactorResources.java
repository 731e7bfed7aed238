package com.offerpulse.testsupport.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Several instances in one test JVM must not share Reactor Netty's global event loops: closing one context would
 * dispose them and take the other instances' servers down. Real deployments run one instance per process.
 */
@Configuration(proxyBeanMethods = false)
public class IsolatedReactorResources {
    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory factory = new ReactorResourceFactory();
        factory.setUseGlobalResources(false);
        return factory;
    }
}
