package org.imrflow.security;

import java.util.ArrayList;
import java.util.List;
import org.imrflow.ImrProperties;
import org.imrflow.InvalidInputException;
import org.imrflow.StartupRefusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Without demo users (cluster mode, or embedded mode with {@code imr.demo.enabled=false}) the first administrator
 * comes from {@code imr.admin.*}: at start-up, when there is no active administrator, it is created with that username
 * and the password of {@code imr.admin.password-file} or {@code imr.admin.password}. Without a password there, the
 * application refuses to start ({@link StartupRefusal}), since nobody could administer it. The password is never
 * printed or logged. With demo users, the demo {@code admin} is the first
 * administrator and these settings are not used.
 */
@Component
class InitialAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);

    private final UserManagement users;
    private final InitialAdminProperties settings;
    private final ImrProperties properties;

    InitialAdministrator(UserManagement users, InitialAdminProperties settings, ImrProperties properties) {
        this.users = users;
        this.settings = settings;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (properties.embedded() && properties.demo().enabled()) {
            if (settings.passwordSet()) {
                log.info("Demo users are on, and their admin is the first administrator: {} is not used",
                        InitialAdminProperties.PASSWORD_SETTING);
            }
            return;
        }
        ensure();
    }

    /** Creates the first administrator if there is no active one; answers whether it did. */
    boolean ensure() {
        boolean created;
        try {
            created = users.createInitialAdministrator(settings.username(), settings.resolvePassword());
        } catch (InvalidInputException e) {
            throw refusal(e);
        }
        if (created) {
            log.info("Created the initial administrator '{}' from imr.admin; sign in, set a new password "
                    + "for it, and remove {} from the configuration", settings.username().strip(),
                    InitialAdminProperties.PASSWORD_SETTING);
        } else if (settings.passwordSet()) {
            log.info("An active administrator exists: {} is not used and can be removed from the configuration",
                    InitialAdminProperties.PASSWORD_SETTING);
        }
        return created;
    }

    private StartupRefusal refusal(InvalidInputException e) {
        if (!settings.passwordSet()) {
            return new StartupRefusal("There is no active administrator, so nobody could administer imrflow.",
                    "Set " + InitialAdminProperties.PASSWORD_SETTING + " (at least " + UserRules.PASSWORD_MIN_LENGTH
                    + " characters) to create the first administrator at start-up, named by "
                    + InitialAdminProperties.USERNAME_SETTING + ", admin by default.");
        }
        List<String> problems = new ArrayList<>();
        // the messages name what is wrong with a setting, never its value
        e.fieldErrors().forEach((field, problem) -> problems.add(
                (field.equals("password") ? InitialAdminProperties.PASSWORD_SETTING : InitialAdminProperties.USERNAME_SETTING)
                        + ": " + problem));
        List<String> actions = new ArrayList<>();
        if (e.fieldErrors().containsKey("username")) {
            actions.add("set IMR_ADMIN_USERNAME to a free username");
        }
        if (e.fieldErrors().containsKey("password")) {
            actions.add("set the password of IMR_ADMIN_PASSWORD_FILE or IMR_ADMIN_PASSWORD to at least "
                    + UserRules.PASSWORD_MIN_LENGTH + " characters");
        }
        return new StartupRefusal("There is no active administrator, and the first one cannot be created: "
                + String.join(" ", problems), actions.isEmpty() ? "Change the settings named above."
                : Character.toUpperCase(actions.getFirst().charAt(0)) + String.join(", and ", actions).substring(1) + ".");
    }
}
