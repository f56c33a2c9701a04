package org.imrflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.imrflow.support.ApplicationIT;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sign-in throttling counts in PostgreSQL ({@code login_failure}), so that its limits hold across application
 * instances: a user's wrong passwords and an address's failures counted by one instance count on the next (a restart
 * on the same data stands in for a second instance, since two embedded engines cannot run in one JVM). With counts
 * in each instance's memory the instance after the restart would begin again at one and let the right password in.
 */
class SharedLoginThrottleIT {

    private final String dataDir = "target/it-data/throttle-" + UUID.randomUUID();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void failuresCountedByOneInstanceLockOnTheNext() throws Exception {
        Instant since = Instant.now();
        try (ConfigurableApplicationContext app = start()) {
            String base = base(app);
            for (int i = 0; i < 4; i++) {
                assertThat(send(base, "reviewer3", "wrong-" + i, "198.51.100.20")).isEqualTo(401);
            }
            for (int i = 0; i < 29; i++) {
                assertThat(send(base, "nobody-" + i, "guess", "203.0.113.20")).isEqualTo(401);
            }
            assertThat(send(base, "auditor", "demo", "203.0.113.20")).as("not locked yet").isEqualTo(200);
            JdbcClient jdbc = JdbcClient.create(app.getBean(DataSource.class));
            assertThat(jdbc.sql("select failures from login_failure where kind = 'USER' and key = 'reviewer3'")
                    .query(Integer.class).single()).as("the user's run, in PostgreSQL").isEqualTo(4);
        }

        try (ConfigurableApplicationContext app = start()) {
            String base = base(app);
            assertThat(send(base, "reviewer3", "wrong-4", "198.51.100.21")).isEqualTo(401);
            assertThat(send(base, "reviewer3", "demo", "198.51.100.22"))
                    .as("the fifth wrong password, the first on this instance, locked the user").isEqualTo(401);
            assertThat(send(base, "nobody-29", "guess", "203.0.113.20")).isEqualTo(401);
            assertThat(send(base, "auditor", "demo", "203.0.113.20"))
                    .as("the thirtieth failure, the first on this instance, locked the address").isEqualTo(401);
            assertThat(send(base, "auditor", "demo", "203.0.113.21")).as("the user from elsewhere").isEqualTo(200);

            JdbcClient jdbc = JdbcClient.create(app.getBean(DataSource.class));
            assertThat(jdbc.sql("select action from audit_event where actor = 'reviewer3' and occurred_at >= :since order by seq")
                    .param("since", Timestamp.from(since)).query(String.class).list())
                    .containsExactly("LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED",
                            "LOGIN_LOCKED");
            assertThat(jdbc.sql("select detail from audit_event where action = 'LOGIN_ADDRESS_LOCKED' and occurred_at >= :since")
                    .param("since", Timestamp.from(since)).query(String.class).list())
                    .singleElement().asString().contains("203.0.113.20");
        }
    }

    private ConfigurableApplicationContext start() {
        List<String> arguments = List.of("--server.port=0", "--imr.engine.port=" + ApplicationIT.freePort(),
                "--imr.data-dir=" + dataDir);
        return new SpringApplicationBuilder(ImrflowApplication.class).run(arguments.toArray(String[]::new));
    }

    private static String base(ConfigurableApplicationContext app) {
        return "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    }

    /** A request as a trusted proxy on this machine forwards it from {@code clientAddress}; its status. */
    private int send(String base, String username, String password, String clientAddress) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/tasks")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + credentials).header("X-Forwarded-For", clientAddress).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
