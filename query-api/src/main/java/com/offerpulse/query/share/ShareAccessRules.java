package com.offerpulse.query.share;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.stereotype.Component;

import com.offerpulse.platform.security.ApiAccessRules;

/** A share link is public to read; creating and revoking one need the owner's token. */
@Component
class ShareAccessRules implements ApiAccessRules {
    @Override
    public void configure(ServerHttpSecurity.AuthorizeExchangeSpec exchanges) {
        exchanges.pathMatchers(HttpMethod.GET, "/api/share/*").permitAll();
    }
}
