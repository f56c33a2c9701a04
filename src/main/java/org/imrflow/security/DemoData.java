package org.imrflow.security;

import java.util.List;
import org.imrflow.ImrProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo users, one per role, created in embedded mode only and printed at start-up with the address of the
 * application (the reviewer logins get their registry entries from {@code assignment}).
 */
@Component
@ConditionalOnProperty(name = "imr.mode", havingValue = "embedded", matchIfMissing = true)
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final UserAccounts users;
    private final ImrProperties properties;
    private final Environment environment;

    DemoData(UserAccounts users, ImrProperties properties, Environment environment) {
        this.users = users;
        this.properties = properties;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    @Transactional
    public void create() {
        if (!properties.demo().enabled()) {
            return;
        }
        user("coordinator", "Casey Coordinator", Role.COORDINATOR);
        user("reviewer", "Dr. Riley Reviewer", Role.REVIEWER);
        user("reviewer2", "Dr. Sam Second", Role.REVIEWER);
        user("director", "Dr. Morgan Director", Role.MEDICAL_DIRECTOR);
        user("auditor", "Avery Auditor", Role.AUDITOR);
        user("admin", "Alex Admin", Role.ADMIN);
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        log.info("""

                imrflow is running on http://localhost:{} (embedded mode, data in {})
                Demo logins, password "{}" for each: coordinator, reviewer, reviewer2, director, auditor, admin
                """, port, properties.dataDir(), UserAccounts.DEMO_PASSWORD);
    }

    private void user(String username, String fullName, Role role) {
        if (!users.exists(username)) {
            users.createDemo(username, fullName, List.of(role));
        }
    }
}
