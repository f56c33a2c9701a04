package org.imrflow.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organization's users, kept in PostgreSQL ({@code app_user}). Other modules read users through
 * {@link #find}; administrators change them through {@link UserManagement}. Roles are stored comma-separated.
 */
@Service
public class UserAccounts implements UserDetailsService {

    private static final String COLUMNS = "username, full_name, roles, enabled, created_at";
    private static final String IS_ADMIN = "(',' || roles || ',') like '%,ADMIN,%'";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private volatile String demoPasswordHash;

    /** The demo users' password (embedded mode), printed at start-up. */
    public static final String DEMO_PASSWORD = "demo";

    UserAccounts(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("select username, password_hash, roles, enabled from app_user where username = :u")
                .param("u", username)
                .query((rs, i) -> User.withUsername(rs.getString(1)).password(rs.getString(2))
                        .roles(rs.getString(3).split(",")).disabled(!rs.getBoolean(4)).build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }

    /** The user with this username, active or not. */
    public Optional<UserAccount> find(String username) {
        return jdbc.sql("select " + COLUMNS + " from app_user where username = :u").param("u", username)
                .query(UserAccounts::account).optional();
    }

    public Optional<String> fullName(String username) {
        return jdbc.sql("select full_name from app_user where username = :u").param("u", username)
                .query(String.class).optional();
    }

    public boolean exists(String username) {
        return jdbc.sql("select count(*) from app_user where username = :u").param("u", username)
                .query(Integer.class).single() > 0;
    }

    /** Creates an active user, without the administrators' checks: for demo data and set-up. */
    @Transactional
    public void create(String username, String rawPassword, String fullName, List<Role> roles) {
        if (!insert(username, rawPassword, fullName, EnumSet.copyOf(roles))) {
            throw new IllegalStateException("The user " + username + " exists already.");
        }
    }

    public List<Role> rolesOf(String username) {
        return jdbc.sql("select roles from app_user where username = :u").param("u", username)
                .query(String.class).optional()
                .map(r -> List.copyOf(roles(r)))
                .orElse(List.of());
    }

    /** Users whose username or full name contains {@code text}, with the role, active or not; by username. */
    List<UserAccount> search(String text, Role role, Boolean active) {
        return jdbc.sql("select " + COLUMNS + """
                         from app_user
                        where (cast(:text as text) is null
                               or position(lower(cast(:text as text)) in lower(username || ' ' || full_name)) > 0)
                          and (cast(:role as text) is null or (',' || roles || ',') like '%,' || cast(:role as text) || ',%')
                          and (cast(:active as boolean) is null or enabled = cast(:active as boolean))
                        order by username""")
                .param("text", text).param("role", role == null ? null : role.name()).param("active", active)
                .query(UserAccounts::account).list();
    }

    /**
     * Creates an active demo user (embedded mode) with the public password {@value #DEMO_PASSWORD}. The demo users
     * share one hash of it, made once: a bcrypt hash costs about 65 ms, and some 30 demo users are made at each first
     * start.
     */
    @Transactional
    public void createDemo(String username, String fullName, List<Role> roles) {
        String hash = demoPasswordHash;
        if (hash == null) {
            hash = demoPasswordHash = passwords.encode(DEMO_PASSWORD);
        }
        if (!insertHashed(username, hash, fullName, EnumSet.copyOf(roles))) {
            throw new IllegalStateException("The user " + username + " exists already.");
        }
    }

    /** Inserts an active user unless the username is taken; answers whether it was inserted. */
    boolean insert(String username, String rawPassword, String fullName, Set<Role> roles) {
        return insertHashed(username, passwords.encode(rawPassword), fullName, roles);
    }

    private boolean insertHashed(String username, String passwordHash, String fullName, Set<Role> roles) {
        return jdbc.sql("""
                        insert into app_user (username, password_hash, full_name, roles)
                        values (:u, :p, :n, :r) on conflict (username) do nothing""")
                .param("u", username).param("p", passwordHash).param("n", fullName)
                .param("r", stored(roles))
                .update() == 1;
    }

    /** The user, locked until the transaction ends. */
    Optional<UserAccount> lock(String username) {
        return jdbc.sql("select " + COLUMNS + " from app_user where username = :u for update").param("u", username)
                .query(UserAccounts::account).optional();
    }

    /**
     * The active administrators, locked until the transaction ends, so that two administrators changing each other
     * at once cannot leave none: the second waits for the first, then counts again.
     */
    List<String> lockActiveAdministrators() {
        return jdbc.sql("select username from app_user where enabled and " + IS_ADMIN + " order by username for update")
                .query(String.class).list();
    }

    void update(String username, String fullName, Set<Role> roles, boolean active) {
        jdbc.sql("""
                        update app_user set full_name = :n, roles = :r, enabled = :a, updated_at = now()
                         where username = :u""")
                .param("u", username).param("n", fullName).param("r", stored(roles)).param("a", active)
                .update();
    }

    void changePassword(String username, String rawPassword) {
        jdbc.sql("""
                        update app_user set password_hash = :p, password_changed_at = now(), updated_at = now()
                         where username = :u""")
                .param("u", username).param("p", passwords.encode(rawPassword))
                .update();
    }

    /** When the user's account was last changed by an administrator (null: never) and their password last set. */
    AccountDates dates(String username) {
        return jdbc.sql("select updated_at, password_changed_at from app_user where username = :u").param("u", username)
                .query((rs, i) -> new AccountDates(instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2))))
                .optional().orElse(new AccountDates(null, null));
    }

    record AccountDates(Instant updatedAt, Instant passwordChangedAt) {}

    /** What a signed-in session must agree with, in one primary-key read; empty if the user is gone. */
    Optional<SessionCheck> sessionCheck(String username) {
        return jdbc.sql("select roles, enabled, password_changed_at from app_user where username = :u").param("u", username)
                .query((rs, i) -> new SessionCheck(roles(rs.getString(1)), rs.getBoolean(2),
                        rs.getTimestamp(3).toInstant()))
                .optional();
    }

    /**
     * A user's roles, whether they may sign in, and when their password was last set.
     */
    record SessionCheck(Set<Role> roles, boolean active, Instant passwordChangedAt) {}

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static UserAccount account(ResultSet rs, int row) throws SQLException {
        return new UserAccount(rs.getString("username"), rs.getString("full_name"), roles(rs.getString("roles")),
                rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant());
    }

    /** Roles as {@code app_user.roles} and {@code api_token.roles} store them: names separated by commas. */
    static Set<Role> roles(String stored) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(stored.split(",")).map(String::strip).filter(r -> !r.isEmpty()).map(Role::valueOf).forEach(roles::add);
        return roles;
    }

    static String stored(Collection<Role> roles) {
        return EnumSet.copyOf(roles).stream().map(Role::name).collect(Collectors.joining(","));
    }
}
