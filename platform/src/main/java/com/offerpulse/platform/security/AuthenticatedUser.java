package com.offerpulse.platform.security;

import java.util.Set;

import com.offerpulse.contracts.auth.Role;

/** Who is calling, from a verified token. */
public record AuthenticatedUser(String userId, String username, Set<Role> roles) {
    public boolean has(Role role) {
        return roles.contains(role);
    }
}
