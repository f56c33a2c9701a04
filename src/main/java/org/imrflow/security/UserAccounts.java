package org.imrflow.security;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organization's users, kept in PostgreSQL. */
@Service
public class UserAccounts implements UserDetailsService {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

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

    public Optional<String> fullName(String username) {
        return jdbc.sql("select full_name from app_user where username = :u").param("u", username)
                .query(String.class).optional();
    }

    public boolean exists(String username) {
        return jdbc.sql("select count(*) from app_user where username = :u").param("u", username)
                .query(Integer.class).single() > 0;
    }

    @Transactional
    public void create(String username, String rawPassword, String fullName, List<Role> roles) {
        jdbc.sql("insert into app_user (username, password_hash, full_name, roles) values (:u, :p, :n, :r)")
                .param("u", username).param("p", passwords.encode(rawPassword)).param("n", fullName)
                .param("r", String.join(",", roles.stream().map(Role::name).toList()))
                .update();
    }

    public List<Role> rolesOf(String username) {
        return jdbc.sql("select roles from app_user where username = :u").param("u", username)
                .query(String.class).optional()
                .map(r -> Arrays.stream(r.split(",")).map(Role::valueOf).toList())
                .orElse(List.of());
    }
}
