package org.imrflow.security;

import java.util.ArrayList;
import java.util.List;
import org.imrflow.ImrProperties;
import org.imrflow.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Without demo users (cluster mode, or embedded mode with {@code imr.demo.enabled=false}) the first administrator
 * comes from {@code imr.security.initial-admin.*}: at start-up, when there is no active administrator, it is created
 * with that username and password. Without a password there, the application refuses to start, since nobody could
 * administer it. The password is never printed or logged. With demo users, the demo {@code admin} is the first
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
            created = users.createInitialAdministrator(settings.username(), settings.password());
        } catch (InvalidInputException e) {
            throw new IllegalStateException(refusal(e));
        }
        if (created) {
            log.info("Created the initial administrator '{}' from imr.security.initial-admin; sign in, set a new password "
                    + "for it, and remove {} from the configuration", settings.username().strip(),
                    InitialAdminProperties.PASSWORD_SETTING);
        } else if (settings.passwordSet()) {
            log.info("An active administrator exists: {} is not used and can be removed from the configuration",
                    InitialAdminProperties.PASSWORD_SETTING);
        }
        return created;
    }

    private String refusal(InvalidInputException e) {
        if (!settings.passwordSet()) {
            return "There is no active administrator, so nobody could administer imrflow. Set "
                    + InitialAdminProperties.PASSWORD_SETTING + " (at least " + UserRules.PASSWORD_MIN_LENGTH
                    + " characters) to create the first administrator at start-up, named by "
                    + InitialAdminProperties.USERNAME_SETTING + ", admin by default.";
        }
        List<String> problems = new ArrayList<>();
        // the messages name what is wrong with a setting, never its value
        e.fieldErrors().forEach((field, problem) -> problems.add(
                (field.equals("password") ? InitialAdminProperties.PASSWORD_SETTING : InitialAdminProperties.USERNAME_SETTING)
                        + ": " + problem));
        return "There is no active administrator, and the first one cannot be created: " + String.join(" ", problems);
    }
}
