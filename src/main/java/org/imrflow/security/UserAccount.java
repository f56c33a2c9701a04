package org.imrflow.security;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A user of the organization's staff as other modules may see them: never a password or its hash.
 *
 * @param username  the sign-in name, 3 to 64 characters of {@code [a-z0-9._-]} (older accounts may differ)
 * @param fullName  the name shown to other staff
 * @param roles     at least one; a reviewer has {@link Role#REVIEWER}
 * @param active    whether the user may sign in; a deactivated user's sessions end at their next request
 * @param createdAt when the account was created
 */
public record UserAccount(String username, String fullName, Set<Role> roles, boolean active, Instant createdAt) {

    public UserAccount {
        roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** An active user with the ADMIN role. */
    public boolean activeAdministrator() {
        return active && has(Role.ADMIN);
    }
}
