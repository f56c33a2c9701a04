package org.imrflow.security;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.imrflow.audit.AuditLog;

/** The rules a user's fields follow, each answering the problem in words a user can act on, or nothing. */
final class UserRules {

    static final int FULL_NAME_LENGTH = 200;
    static final int PASSWORD_MIN_LENGTH = 12;
    /** bcrypt reads no more than 72 bytes, and Spring Security refuses longer passwords rather than cut them. */
    static final int PASSWORD_MAX_BYTES = 72;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,64}");

    private UserRules() {
    }

    static Optional<String> usernameProblem(String username) {
        if (username == null || username.isEmpty()) {
            return Optional.of("Enter a username.");
        }
        if (!USERNAME.matcher(username).matches()) {
            return Optional.of("Use 3 to 64 characters: lowercase letters, digits, dots, hyphens or underscores.");
        }
        if (username.equals(AuditLog.SYSTEM)) {
            // the audit log's actor for work no person started: a user of that name would be mistaken for it
            return Optional.of("The username " + AuditLog.SYSTEM + " is reserved; choose another.");
        }
        return Optional.empty();
    }

    static Optional<String> fullNameProblem(String fullName) {
        if (fullName == null || fullName.isEmpty()) {
            return Optional.of("Enter the user's full name.");
        }
        if (fullName.codePointCount(0, fullName.length()) > FULL_NAME_LENGTH) {
            return Optional.of("Use at most " + FULL_NAME_LENGTH + " characters.");
        }
        return Optional.empty();
    }

    static Optional<String> rolesProblem(Collection<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            return Optional.of("Choose at least one role.");
        }
        if (roles.stream().anyMatch(Objects::isNull)) {
            return Optional.of("Choose roles among " + Arrays.stream(Role.values()).map(Role::name)
                    .collect(Collectors.joining(", ")) + ".");
        }
        return Optional.empty();
    }

    static Optional<String> passwordProblem(String password, String username) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Enter a password.");
        }
        if (password.codePointCount(0, password.length()) < PASSWORD_MIN_LENGTH) {
            return Optional.of("Use at least " + PASSWORD_MIN_LENGTH + " characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > PASSWORD_MAX_BYTES) {
            return Optional.of("Use at most " + PASSWORD_MAX_BYTES + " bytes: " + PASSWORD_MAX_BYTES
                    + " letters without accents, fewer with accented letters or symbols.");
        }
        if (password.isBlank()) {
            return Optional.of("Use more than spaces.");
        }
        if (username != null && password.equalsIgnoreCase(username)) {
            return Optional.of("The password cannot be the username.");
        }
        return Optional.empty();
    }

    /** A name as typed, without the spaces around it; null stays null. */
    static String trimmed(String text) {
        return text == null ? null : text.strip();
    }
}
