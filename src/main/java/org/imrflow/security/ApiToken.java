package org.imrflow.security;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A personal API token as its user and administrators see it: never its secret, which is shown once, when issued.
 *
 * @param id         the token's number, as the audit log names it
 * @param name       the user's name for it
 * @param roles      the roles it was issued for; it acts with those its user still has
 * @param createdAt  when it was issued
 * @param expiresAt  when it stops working
 * @param lastUsedAt when it was last used (to the minute), or null if never
 * @param revokedAt  when it was revoked, or null
 * @param revokedBy  who revoked it: its user or an administrator
 * @param status     whether it works now, and if not, why
 */
public record ApiToken(long id, String name, Set<Role> roles, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
                       Instant revokedAt, String revokedBy, Status status) {

    public ApiToken {
        roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    /** Whether a token works; one that does not never works again. */
    public enum Status { ACTIVE, EXPIRED, REVOKED, PASSWORD_SET_SINCE }

    public boolean active() {
        return status == Status.ACTIVE;
    }
}
