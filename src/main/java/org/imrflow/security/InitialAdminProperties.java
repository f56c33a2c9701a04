package org.imrflow.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.imrflow.StartupRefusal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first administrator without demo users (cluster mode), {@code imr.admin.*}: created at start-up when there is
 * no active administrator.
 *
 * @param username     its username ({@code IMR_ADMIN_USERNAME})
 * @param password     its password ({@code IMR_ADMIN_PASSWORD}); no default, never printed or logged
 * @param passwordFile or a file holding the password ({@code IMR_ADMIN_PASSWORD_FILE}, e.g. a Docker secret under
 *                     {@code /run/secrets/}), read once at start-up, its trailing line break dropped
 */
@ConfigurationProperties("imr.admin")
public record InitialAdminProperties(@DefaultValue("admin") String username, String password, Path passwordFile) {

    static final String USERNAME_SETTING = "imr.admin.username (IMR_ADMIN_USERNAME)";
    static final String PASSWORD_SETTING = "imr.admin.password-file (IMR_ADMIN_PASSWORD_FILE) or imr.admin.password (IMR_ADMIN_PASSWORD)";

    @ConstructorBinding
    public InitialAdminProperties {
    }

    public InitialAdminProperties(String username, String password) {
        this(username, password, null);
    }

    public boolean passwordSet() {
        return (password != null && !password.isEmpty()) || passwordFile != null;
    }

    /**
     * The password: from the file if one is named, else the setting; null if neither is set. A file that cannot be
     * read, or both settings at once, refuse the start.
     */
    String resolvePassword() {
        if (passwordFile == null) {
            return password == null || password.isEmpty() ? null : password;
        }
        if (password != null && !password.isEmpty()) {
            throw new StartupRefusal("The first administrator's password is set twice, as IMR_ADMIN_PASSWORD and in "
                    + "the file IMR_ADMIN_PASSWORD_FILE.", "Set one of IMR_ADMIN_PASSWORD_FILE and IMR_ADMIN_PASSWORD.");
        }
        try {
            String content = Files.readString(passwordFile, StandardCharsets.UTF_8);
            int end = content.length();
            while (end > 0 && (content.charAt(end - 1) == '\n' || content.charAt(end - 1) == '\r')) {
                end--;
            }
            return content.substring(0, end);
        } catch (IOException e) {
            throw new StartupRefusal("The first administrator's password file " + passwordFile + " (IMR_ADMIN_PASSWORD_FILE) "
                    + "cannot be read: " + e.getClass().getSimpleName() + ".",
                    "Set IMR_ADMIN_PASSWORD_FILE to a readable file holding the password, e.g. a Docker secret in /run/secrets/.");
        }
    }

    @Override
    public String toString() {
        return "InitialAdminProperties[username=" + username + ", password=" + (password != null ? "***" : "not set")
                + ", passwordFile=" + passwordFile + "]";
    }
}
