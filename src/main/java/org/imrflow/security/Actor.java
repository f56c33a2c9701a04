package org.imrflow.security;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The person acting, as the services see them: a username and roles.
 */
public record Actor(String username, Set<Role> roles) {

    public static Actor current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new AccessDeniedException("Not signed in.");
        }
        return new Actor(authentication.getName(), rolesOf(authentication));
    }

    /** The roles among an authentication's authorities. */
    static Set<Role> rolesOf(Authentication authentication) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            for (Role role : Role.values()) {
                if (role.authority().equals(authority.getAuthority())) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Staff who may see every case: everyone but a reviewer without another role. */
    public boolean seesAllCases() {
        return has(Role.COORDINATOR) || has(Role.MEDICAL_DIRECTOR) || has(Role.AUDITOR) || has(Role.ADMIN);
    }

    /**
     * Whether the actor may know who reviews a case: the organization's staff who select and supervise reviewers
     * (coordinators, medical directors, administrators). Auditors and other reviewers may not.
     */
    public boolean knowsReviewers() {
        return has(Role.COORDINATOR) || has(Role.MEDICAL_DIRECTOR) || has(Role.ADMIN);
    }

    /** Auditors read and never write. */
    public boolean readOnly() {
        return has(Role.AUDITOR) && roles.size() == 1;
    }

    public Set<String> candidateGroups() {
        return roles.stream().map(Role::candidateGroup).filter(g -> g != null).collect(Collectors.toSet());
    }

    public void require(Role role) {
        if (!has(role)) {
            throw new AccessDeniedException("This needs the role " + role.name().toLowerCase().replace('_', ' ') + ".");
        }
    }

    public void requireWriter() {
        if (readOnly()) {
            throw new AccessDeniedException("Auditors have read-only access.");
        }
    }
}
