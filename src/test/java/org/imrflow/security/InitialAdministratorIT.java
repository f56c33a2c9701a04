package org.imrflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.imrflow.ImrProperties;
import org.imrflow.StartupRefusal;
import org.imrflow.support.ApplicationIT;
import org.imrflow.support.ImrClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Without demo users, as in cluster mode, the first administrator comes from {@code imr.admin.*}
 * at start-up, on the real database: it signs in and administers users, its password is printed nowhere, it is
 * created only while there is no active administrator, and without a usable password the start is refused.
 */
@TestPropertySource(properties = {
        "imr.demo.enabled=false",
        "imr.admin.username=first-admin",
        "imr.admin.password=" + InitialAdministratorIT.PASSWORD})
@ExtendWith(OutputCaptureExtension.class)
class InitialAdministratorIT extends ApplicationIT {

    static final String PASSWORD = "the first administrator's secret";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserManagement management;

    @Autowired
    ImrProperties properties;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theFirstAdministratorComesFromTheConfigurationAndItsPasswordIsPrintedNowhere(CapturedOutput output) {
        ImrClient admin = new ImrClient("http://localhost:" + port, "first-admin", PASSWORD);
        ImrClient.Response users = admin.get("/api/admin/users");
        assertThat(users.status()).as(users.body()).isEqualTo(200);
        JsonNode first = users.json().get(0);
        assertThat(users.json()).as("no demo users").hasSize(1);
        assertThat(first.get("username").asText()).isEqualTo("first-admin");
        assertThat(first.get("roles").get(0).asText()).isEqualTo("ADMIN");
        assertThat(first.get("active").asBoolean()).isTrue();
        assertThat(jdbc.sql("select detail from audit_event where action = 'USER_CREATED' and actor = 'system'")
                .query(String.class).list()).singleElement().asString().contains("first-admin", "initial administrator");

        assertThat(admin.post("/api/admin/users", Map.of("username", "casey", "fullName", "Casey Coordinator",
                "roles", List.of("COORDINATOR"), "password", "casey's own password")).status()).isEqualTo(201);
        assertThat(new InitialAdministrator(management, new InitialAdminProperties("another-admin", PASSWORD), properties)
                .ensure()).as("an active administrator exists").isFalse();
        assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single()).isEqualTo(2);

        assertThat(output.getAll()).contains("Created the initial administrator 'first-admin'").doesNotContain(PASSWORD);
        assertThat(jdbc.sql("select count(*) from audit_event where detail like '%secret%'").query(Long.class).single()).isZero();
    }

    @Test
    void withoutAnActiveAdministratorTheSettingsMustDoOrTheStartIsRefused() {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(status -> {
            // as if the only administrator had been deactivated in the database; rolled back below
            jdbc.sql("update app_user set enabled = false where username = 'first-admin'").update();

            assertThatExceptionOfType(StartupRefusal.class).isThrownBy(() -> initial("admin", null).ensure())
                    .withMessageContaining("no active administrator")
                    .satisfies(e -> assertThat(e.action()).contains("IMR_ADMIN_PASSWORD_FILE", "IMR_ADMIN_PASSWORD", "12 characters"));
            assertThatExceptionOfType(StartupRefusal.class).isThrownBy(() -> initial("admin", "too short").ensure())
                    .withMessageContaining("imr.admin.password").withMessageNotContaining("too short")
                    .satisfies(e -> assertThat(e.action()).doesNotContain("too short"));
            assertThatExceptionOfType(StartupRefusal.class).isThrownBy(() -> initial("first-admin", PASSWORD).ensure())
                    .withMessageContaining("exists but is not an active administrator").withMessageNotContaining(PASSWORD)
                    .satisfies(e -> assertThat(e.action()).contains("IMR_ADMIN_USERNAME"));
            assertThatExceptionOfType(StartupRefusal.class).isThrownBy(() -> initial("Not A Name", PASSWORD).ensure())
                    .withMessageContaining("imr.admin.username");

            assertThat(initial(" second-admin ", "another long password").ensure()).isTrue();
            assertThat(jdbc.sql("select roles from app_user where username = 'second-admin' and enabled")
                    .query(String.class).single()).isEqualTo("ADMIN");
            status.setRollbackOnly();
        });
        assertThat(jdbc.sql("select count(*) from app_user where username = 'second-admin'").query(Long.class).single()).isZero();
    }

    private InitialAdministrator initial(String username, String password) {
        return new InitialAdministrator(management, new InitialAdminProperties(username, password), properties);
    }
}
