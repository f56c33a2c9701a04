package org.imrflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.imrflow.support.ApplicationIT;
import org.imrflow.support.Browser;
import org.imrflow.support.ImrClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Web sessions live in PostgreSQL ({@code spring_session}), so that every application instance knows every signed-in
 * user: a session begun on the login form is a row there, and it outlives the application instance that began it (a
 * restart stands in for a second instance, since two embedded engines cannot run in one JVM). The account check still
 * ends the session of a deactivated user.
 */
class SharedSessionsIT {

    private final String dataDir = "target/it-data/sessions-" + UUID.randomUUID();

    @Test
    void aSessionIsKeptInPostgresqlAndOutlivesTheInstanceThatBeganIt() throws Exception {
        Browser browser = new Browser();
        try (ConfigurableApplicationContext app = start()) {
            String base = base(app);
            browser.signIn(base, "coordinator", "demo");
            assertThat(browser.get(base + "/cases").statusCode()).as("signed in").isEqualTo(200);

            JdbcClient jdbc = JdbcClient.create(app.getBean(DataSource.class));
            assertThat(jdbc.sql("select principal_name from spring_session").query(String.class).list())
                    .as("the session is a row in PostgreSQL").containsExactly("coordinator");
            assertThat(jdbc.sql("select attribute_name from spring_session_attributes").query(String.class).list())
                    .contains("SPRING_SECURITY_CONTEXT");
        }

        try (ConfigurableApplicationContext app = start()) {
            String base = base(app);
            HttpResponse<String> page = browser.get(base + "/cases");
            assertThat(page.statusCode()).as("still signed in on the instance that came after").isEqualTo(200);

            ImrClient admin = new ImrClient(base, "admin", "demo");
            assertThat(admin.put("/api/admin/users/coordinator", Map.of("fullName", "Casey Coordinator",
                    "roles", List.of("COORDINATOR"), "active", false)).status()).isEqualTo(200);
            HttpResponse<String> after = browser.get(base + "/cases");
            assertThat(after.statusCode()).as("a deactivated user's session ends").isEqualTo(302);
            assertThat(after.headers().firstValue("Location").orElse("")).endsWith("/login");
            JdbcClient jdbc = JdbcClient.create(app.getBean(DataSource.class));
            assertThat(jdbc.sql("select count(*) from spring_session where principal_name = 'coordinator'")
                    .query(Long.class).single()).as("and its row is gone").isZero();
        }
    }

    private ConfigurableApplicationContext start() {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0",
                "--imr.engine.port=" + ApplicationIT.freePort(), "--imr.data-dir=" + dataDir));
        return new SpringApplicationBuilder(ImrflowApplication.class).run(arguments.toArray(String[]::new));
    }

    private static String base(ConfigurableApplicationContext app) {
        return "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    }
}
