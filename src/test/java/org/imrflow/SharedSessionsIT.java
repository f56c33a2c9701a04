package org.imrflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.imrflow.support.ApplicationIT;
import org.imrflow.support.ImrClient;
import org.jsoup.Jsoup;
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
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        try (ConfigurableApplicationContext app = start()) {
            String base = base(app);
            String token = csrf(get(browser, base + "/login").body());
            HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", "coordinator", "password", "demo",
                            "_csrf", token)))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(302);
            assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
            assertThat(get(browser, base + "/cases").statusCode()).as("signed in").isEqualTo(200);

            JdbcClient jdbc = JdbcClient.create(app.getBean(DataSource.class));
            assertThat(jdbc.sql("select principal_name from spring_session").query(String.class).list())
                    .as("the session is a row in PostgreSQL").containsExactly("coordinator");
            assertThat(jdbc.sql("select attribute_name from spring_session_attributes").query(String.class).list())
                    .contains("SPRING_SECURITY_CONTEXT");
        }

        try (ConfigurableApplicationContext app = start()) {
            String base = base(app);
            HttpResponse<String> page = get(browser, base + "/cases");
            assertThat(page.statusCode()).as("still signed in on the instance that came after").isEqualTo(200);

            ImrClient admin = new ImrClient(base, "admin", "demo");
            assertThat(admin.put("/api/admin/users/coordinator", Map.of("fullName", "Casey Coordinator",
                    "roles", List.of("COORDINATOR"), "active", false)).status()).isEqualTo(200);
            HttpResponse<String> after = get(browser, base + "/cases");
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

    private static HttpResponse<String> get(HttpClient browser, String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String page) {
        return Jsoup.parse(page).select("input[name=_csrf]").attr("value");
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
