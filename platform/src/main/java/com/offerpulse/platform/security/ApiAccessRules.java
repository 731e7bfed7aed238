package com.offerpulse.platform.security;

import org.springframework.security.config.web.server.ServerHttpSecurity;

/**
 * A module's access rules. The platform builds the single security chain from every module's rules (in
 * {@link #order()}), after the shared ones and before "everything else needs a valid token".
 */
public interface ApiAccessRules {

    void configure(ServerHttpSecurity.AuthorizeExchangeSpec exchanges);

    default int order() {
        return 0;
    }
}
