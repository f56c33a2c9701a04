package org.imrflow.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.imrflow.InputPolicy;
import org.imrflow.InvalidInputException;
import org.imrflow.NotFoundException;
import org.imrflow.audit.AuditLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens ({@code api_token}, migration V24): a user issues one for a name, some days and some of their
 * roles, and sees its secret once; only its SHA-256 is stored. A request that presents it ({@code Authorization:
 * Bearer imr_...}) is signed in by {@link #check}: one lookup by the hash, with the user's account in the same row,
 * the same work whether the token exists or not. A token acts with the roles it was issued for that its user still
 * has, and stops working when it expires, is revoked, its user is deactivated, or the user's password is set anew
 * after it was issued (as a web session ends then). Issuing and revoking are audited; a secret never is.
 */
@Service
class ApiTokens {

    /** What every token begins with, so that a secret pasted somewhere is recognizable. */
    static final String PREFIX = "imr_";

    /** {@code imr_} and 32 random bytes in base64url without padding (43 characters). */
    private static final Pattern FORMAT = Pattern.compile("imr_[A-Za-z0-9_-]{43}");

    static final int DEFAULT_DAYS = 30;
    static final int NAME_LENGTH = 100;

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String COLUMNS = "id, username, name, roles, created_at, expires_at, revoked_at, revoked_by, "
            + "last_used_at";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final UserAccounts users;
    private final int maxDays;

    ApiTokens(JdbcClient jdbc, AuditLog audit, UserAccounts users,
              @Value("${imr.api-tokens.max-days:365}") int maxDays) {
        if (maxDays < 1) {
            throw new IllegalStateException("imr.api-tokens.max-days must be at least 1, not " + maxDays);
        }
        this.jdbc = jdbc;
        this.audit = audit;
        this.users = users;
        this.maxDays = maxDays;
    }

    int maxDays() {
        return maxDays;
    }

    /**
     * Issues a token to the actor, who signed in with their password (the caller makes sure: a token never issues
     * another). {@code days} null is {@value #DEFAULT_DAYS}; {@code roles} null is all of the actor's roles.
     */
    @Transactional
    public IssuedToken issue(Actor actor, String name, Integer days, List<Role> roles) {
        String trimmed = name == null ? null : name.strip();
        Map<String, String> errors = new LinkedHashMap<>();
        if (trimmed == null || trimmed.isEmpty()) {
            errors.put("name", "Name the token, e.g. after the script that will use it.");
        } else if (trimmed.codePointCount(0, trimmed.length()) > NAME_LENGTH) {
            errors.put("name", "Use at most " + NAME_LENGTH + " characters.");
        } else if (InputPolicy.problem(trimmed, false) instanceof String problem) {
            errors.put("name", problem);
        }
        int validDays = days == null ? DEFAULT_DAYS : days;
        if (validDays < 1 || validDays > maxDays) {
            errors.put("days", "Choose from 1 to " + maxDays + " days.");
        }
        // the user's roles as stored now, not as the session had them
        Set<Role> held = EnumSet.noneOf(Role.class);
        held.addAll(users.rolesOf(actor.username()));
        Set<Role> granted = EnumSet.noneOf(Role.class);
        if (roles == null) {
            granted.addAll(held);
        } else if (roles.isEmpty() || roles.stream().anyMatch(r -> r == null)) {
            errors.put("roles", "Choose at least one of your roles " + names(held) + ", or leave roles out for all of them.");
        } else if (!held.containsAll(roles)) {
            errors.put("roles", "A token may have only your own roles: " + names(held) + ".");
        } else {
            granted.addAll(roles);
        }
        if (errors.isEmpty() && granted.isEmpty()) {
            errors.put("roles", "You have no role a token could act with.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String secret = newSecret();
        // the database's time, as the checks of a presented token use it; days of 24 hours, whatever the time zone
        IssuedToken issued = jdbc.sql("""
                        insert into api_token (username, name, token_hash, roles, created_at, expires_at)
                        values (:u, :n, :h, :r, now(), now() + make_interval(hours => 24 * :d))
                        returning id, created_at, expires_at""")
                .param("u", actor.username()).param("n", trimmed).param("h", hash(secret)).param("r", UserAccounts.stored(granted))
                .param("d", validDays)
                .query((rs, i) -> new IssuedToken(rs.getLong(1), trimmed, secret, granted, instant(rs.getTimestamp(2)),
                        instant(rs.getTimestamp(3))))
                .single();
        audit.recordAs(actor.username(), "API_TOKEN_ISSUED", null, "token " + issued.id() + " \"" + trimmed
                + "\": roles " + names(granted) + ", " + validDays + " days, until " + issued.expiresAt());
        return issued;
    }

    /** The user's tokens, newest first, never their secrets. */
    @Transactional(readOnly = true)
    public List<ApiToken> list(String username) {
        return jdbc.sql("select " + COLUMNS + ", (select password_changed_at from app_user u where u.username = t.username)"
                        + " from api_token t where username = :u order by id desc")
                .param("u", username).query(ApiTokens::token).list();
    }

    /** A user's tokens, for an administrator. */
    @Transactional(readOnly = true)
    public List<ApiToken> listOf(String username, Actor actor) {
        actor.require(Role.ADMIN);
        if (!users.exists(username)) {
            throw new NotFoundException("There is no user " + username + ".");
        }
        return list(username);
    }

    /**
     * Revokes one of the actor's own tokens, or, for an administrator, one of {@code owner}'s. A token of someone
     * else, or none, is not found; one revoked already stays as it was.
     */
    @Transactional
    public void revoke(long id, String owner, Actor actor) {
        if (!owner.equals(actor.username())) {
            actor.require(Role.ADMIN);
        }
        Optional<ApiToken> token = jdbc.sql("select " + COLUMNS + ", null from api_token t where id = :id and username = :u")
                .param("id", id).param("u", owner).query(ApiTokens::token).optional();
        if (token.isEmpty()) {
            throw new NotFoundException("There is no token " + id + (owner.equals(actor.username()) ? " of yours." : " of " + owner + "."));
        }
        int revoked = jdbc.sql("""
                        update api_token set revoked_at = now(), revoked_by = :by
                         where id = :id and revoked_at is null""")
                .param("by", actor.username()).param("id", id).update();
        if (revoked == 1) {
            audit.recordAs(actor.username(), "API_TOKEN_REVOKED", null, "token " + id + " \"" + token.get().name()
                    + "\" of " + owner + (owner.equals(actor.username()) ? "" : ", by an administrator"));
        }
    }

    /**
     * The presented secret's token and its user's account, in one lookup by hash (indexed, unique); empty if no
     * token has this hash. The caller decides with {@link Presented#refusal}; a malformed secret is looked up like any
     * other, so that all refusals cost the same.
     */
    Optional<Presented> check(String secret) {
        return jdbc.sql("""
                        select t.id, t.username, t.roles, t.created_at, t.expires_at, t.revoked_at, t.last_used_at,
                               u.roles, u.enabled, u.password_changed_at, now()
                          from api_token t join app_user u on u.username = t.username
                         where t.token_hash = :h""")
                .param("h", hash(secret))
                .query((rs, i) -> new Presented(rs.getLong(1), rs.getString(2), UserAccounts.roles(rs.getString(3)),
                        instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)),
                        instant(rs.getTimestamp(7)), UserAccounts.roles(rs.getString(8)), rs.getBoolean(9),
                        instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11))))
                .optional();
    }

    /** Records that the token was used, at most once a minute, so that a request is seldom a write. */
    void used(Presented token) {
        if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(token.now().minusSeconds(60))) {
            jdbc.sql("""
                            update api_token set last_used_at = now()
                             where id = :id and (last_used_at is null or last_used_at < now() - interval '1 minute')""")
                    .param("id", token.id()).update();
        }
    }

    /** Whether the text has the form of a token at all. */
    static boolean wellFormed(String secret) {
        return secret != null && FORMAT.matcher(secret).matches();
    }

    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static ApiToken token(ResultSet rs, int row) throws SQLException {
        Instant revokedAt = instant(rs.getTimestamp("revoked_at"));
        Instant expiresAt = instant(rs.getTimestamp("expires_at"));
        Instant createdAt = instant(rs.getTimestamp("created_at"));
        Instant passwordSetAt = instant(rs.getTimestamp(10));
        ApiToken.Status status = revokedAt != null ? ApiToken.Status.REVOKED
                : !expiresAt.isAfter(Instant.now()) ? ApiToken.Status.EXPIRED
                : passwordSetAt != null && createdAt.isBefore(passwordSetAt) ? ApiToken.Status.PASSWORD_SET_SINCE
                : ApiToken.Status.ACTIVE;
        return new ApiToken(rs.getLong("id"), rs.getString("name"), UserAccounts.roles(rs.getString("roles")), createdAt, expiresAt,
                instant(rs.getTimestamp("last_used_at")), revokedAt, rs.getString("revoked_by"), status);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static String names(Collection<Role> roles) {
        return roles.isEmpty() ? "(none)" : roles.stream().map(Role::name).collect(Collectors.joining(", "));
    }

    /** A token just issued, with its secret: the one time anyone sees it. */
    record IssuedToken(long id, String name, String token, Set<Role> roles, Instant createdAt, Instant expiresAt) {

        @Override
        public String toString() {
            return "IssuedToken[id=" + id + ", name=" + name + ", token=***]";
        }
    }

    /** A presented token as stored, with its user's account, read at the database's time {@code now}. */
    record Presented(long id, String username, Set<Role> tokenRoles, Instant createdAt, Instant expiresAt,
                     Instant revokedAt, Instant lastUsedAt, Set<Role> userRoles, boolean userActive,
                     Instant passwordSetAt, Instant now) {

        /** Why the token may not be used now, or empty if it may. */
        Optional<String> refusal() {
            if (revokedAt != null) {
                return Optional.of("revoked");
            }
            if (!expiresAt.isAfter(now)) {
                return Optional.of("expired");
            }
            if (!userActive) {
                return Optional.of("user deactivated");
            }
            if (createdAt.isBefore(passwordSetAt)) {
                return Optional.of("issued before the user's password was last set");
            }
            return Optional.empty();
        }

        /** The roles it acts with: those it was issued for that the user still has. */
        Set<Role> roles() {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            roles.addAll(tokenRoles);
            roles.retainAll(userRoles);
            return roles;
        }
    }
}
