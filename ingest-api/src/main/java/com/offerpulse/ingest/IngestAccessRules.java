package com.offerpulse.ingest;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.stereotype.Component;

import com.offerpulse.platform.security.ApiAccessRules;

/** Product events may come from anonymous visitors (the landing page); every other ingest route needs a token. */
@Component
class IngestAccessRules implements ApiAccessRules {
    @Override
    public void configure(ServerHttpSecurity.AuthorizeExchangeSpec exchanges) {
        exchanges.pathMatchers(HttpMethod.POST, "/api/events").permitAll();
    }
}
