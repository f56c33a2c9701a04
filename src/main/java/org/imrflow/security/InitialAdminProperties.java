package org.imrflow.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first administrator of cluster mode ({@code imr.security.initial-admin.*}), created at start-up when there is
 * no active administrator.
 *
 * @param username its username
 * @param password its password; no default, never printed or logged
 */
@ConfigurationProperties("imr.security.initial-admin")
public record InitialAdminProperties(@DefaultValue("admin") String username, String password) {

    static final String USERNAME_SETTING = "imr.security.initial-admin.username (IMR_SECURITY_INITIAL_ADMIN_USERNAME)";
    static final String PASSWORD_SETTING = "imr.security.initial-admin.password (IMR_SECURITY_INITIAL_ADMIN_PASSWORD)";

    public boolean passwordSet() {
        return password != null && !password.isEmpty();
    }

    @Override
    public String toString() {
        return "InitialAdminProperties[username=" + username + ", password=" + (passwordSet() ? "***" : "not set") + "]";
    }
}
