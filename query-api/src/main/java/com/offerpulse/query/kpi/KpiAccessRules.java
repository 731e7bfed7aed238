package com.offerpulse.query.kpi;

import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.stereotype.Component;

import com.offerpulse.contracts.auth.Role;
import com.offerpulse.platform.security.ApiAccessRules;

/** KPI queries are for analysts: no token → 401, a token without the analyst role → 403 (both problem+json). */
@Component
class KpiAccessRules implements ApiAccessRules {
    @Override
    public void configure(ServerHttpSecurity.AuthorizeExchangeSpec exchanges) {
        exchanges.pathMatchers("/api/kpi", "/api/kpi/**").hasRole(Role.ANALYST.name());
    }
}
