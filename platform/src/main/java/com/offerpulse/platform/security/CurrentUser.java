package com.offerpulse.platform.security;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import com.offerpulse.contracts.auth.Role;
import com.offerpulse.contracts.auth.TokenClaims;

import reactor.core.publisher.Mono;

/** The caller of the current request, read from the reactive security context. */
public final class CurrentUser {
    private CurrentUser() {
    }

    /** The signed-in user; empty for an anonymous request. */
    public static Mono<AuthenticatedUser> find() {
        return ReactiveSecurityContextHolder.getContext().map(SecurityContext::getAuthentication)
                .filter(a -> a instanceof JwtAuthenticationToken && a.isAuthenticated())
                .map(CurrentUser::from);
    }

    public static AuthenticatedUser from(Authentication authentication) {
        Jwt jwt = ((JwtAuthenticationToken) authentication).getToken();
        Set<Role> roles = EnumSet.of(Role.CANDIDATE);
        authentication.getAuthorities().forEach(a -> {
            String name = a.getAuthority().replaceFirst("^ROLE_", "");
            for (Role r : Role.values()) {
                if (r.name().equals(name)) {
                    roles.add(r);
                }
            }
        });
        String username = jwt.getClaimAsString(TokenClaims.USERNAME);
        return new AuthenticatedUser(jwt.getSubject(), username == null ? jwt.getSubject() : username, Set.copyOf(roles));
    }
}
