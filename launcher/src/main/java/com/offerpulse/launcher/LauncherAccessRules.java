package com.offerpulse.launcher;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.stereotype.Component;

import com.offerpulse.platform.security.ApiAccessRules;

/** The launcher serves the frontend: its pages and assets are public; the APIs behind them are not. */
@Component
class LauncherAccessRules implements ApiAccessRules {
    @Override
    public void configure(ServerHttpSecurity.AuthorizeExchangeSpec exchanges) {
        exchanges.pathMatchers(HttpMethod.GET, "/index.html", "/assets/**", "/favicon.ico", "/favicon.svg",
                "/robots.txt").permitAll();
        exchanges.pathMatchers(HttpMethod.GET, FrontendRoutes.CLIENT_ROUTES).permitAll();
    }

    @Override
    public int order() {
        return 100;
    }
}
