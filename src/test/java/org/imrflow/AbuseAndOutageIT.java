package org.imrflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.imrflow.support.ApplicationIT;
import org.imrflow.support.Applications;
import org.imrflow.support.ImrClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Cheap abuse and what every answer carries: sign-in throttling per user and per address (the address as a
 * trusted proxy forwards it), failures of unknown user names audited as a count, problem details and the Basic
 * challenge on API errors, security headers, health probes, and the API's reading of a task's form audited.
 */
@TestPropertySource(properties = "imr.security.login.unknown-user-report=PT2S")
class AbuseAndOutageIT extends ApplicationIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    JdbcClient jdbc;

    @Test
    void aUserLockedAfterFiveWrongPasswordsCannotSignInEvenWithTheRightOne() throws Exception {
        Instant since = Instant.now();
        for (int i = 0; i < 5; i++) {
            assertThat(send("/api/tasks", "reviewer3", "wrong-" + i, "198.51.100.1").statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = send("/api/tasks", "reviewer3", "demo", "198.51.100.1");
        assertThat(locked.statusCode()).as("the right password during the lock").isEqualTo(401);
        assertThat(send("/api/tasks", "reviewer3", "demo", "198.51.100.2").statusCode())
                .as("from another address too").isEqualTo(401);
        assertThat(send("/api/tasks", "reviewer4", "demo", "198.51.100.1").statusCode())
                .as("another user from the same address").isEqualTo(200);
        assertThat(actions("reviewer3", since)).containsExactly("LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED",
                "LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_LOCKED");
    }

    @Test
    void anAddressGuessingUserNamesIsLockedAndAuditedAsACount() throws Exception {
        Instant since = Instant.now();
        for (int i = 0; i < 30; i++) {
            assertThat(send("/api/tasks", "nobody-" + i, "guess", "203.0.113.9").statusCode()).isEqualTo(401);
        }
        assertThat(send("/api/tasks", "auditor", "demo", "203.0.113.9").statusCode())
                .as("a real user from the locked address").isEqualTo(401);
        assertThat(send("/api/tasks", "auditor", "demo", "203.0.113.10").statusCode())
                .as("the same user from elsewhere").isEqualTo(200);

        List<String> details = awaitUnknownUserReports(since, 30);
        assertThat(details).as("counted, a row per address every 2 seconds at most").hasSizeLessThanOrEqualTo(3)
                .allSatisfy(detail -> assertThat(detail).matches("\\d+ failed sign-ins with unknown user names from 203\\.0\\.113\\.9"));
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'LOGIN_FAILED' and occurred_at >= :since")
                .param("since", java.sql.Timestamp.from(since)).query(Integer.class).single())
                .as("no row per guessed name").isZero();
        assertThat(jdbc.sql("select detail from audit_event where action = 'LOGIN_ADDRESS_LOCKED' and occurred_at >= :since")
                .param("since", java.sql.Timestamp.from(since)).query(String.class).list())
                .singleElement().asString().contains("203.0.113.9");
    }

    @Test
    void apiErrorsAreProblemDetailsWithTheBasicChallenge() throws Exception {
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(uri("/api/tasks")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Basic realm=\"imrflow\""));
        assertProblem(anonymous, 401);

        HttpResponse<String> nothing = send("/api/no-such-thing", "coordinator", "demo", null);
        assertThat(nothing.statusCode()).isEqualTo(404);
        assertProblem(nothing, 404);

        HttpResponse<String> wrongMethod = http.send(request("/api/cases/CM26-0000001", "coordinator", "demo", null)
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertProblem(wrongMethod, 405);

        HttpResponse<String> wrongType = http.send(request("/api/cases", "coordinator", "demo", null)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hello")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrongType.statusCode()).isEqualTo(415);
        assertProblem(wrongType, 415);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndHstsOverHttps() throws Exception {
        HttpResponse<String> plain = send("/api/tasks", "coordinator", "demo", null);
        assertThat(plain.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).as("not over plain HTTP").isEmpty();

        HttpResponse<String> overHttps = http.send(request("/api/tasks", "coordinator", "demo", null)
                .header("X-Forwarded-Proto", "https").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(overHttps.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                hsts -> assertThat(hsts).contains("max-age="));
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/login"))
                .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    @Test
    void livenessAndReadinessAreSeparateProbes() throws Exception {
        for (String probe : List.of("liveness", "readiness")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/actuator/health/" + probe)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(JSON.readTree(response.body()).path("status").asText()).isEqualTo("UP");
        }
        JsonNode readiness = as("admin").get("/actuator/health/readiness").json();
        assertThat(readiness.path("components").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("readinessState", "engine", "db");
        assertThat(as("admin").get("/actuator/health/liveness").json().path("components").fieldNames()).toIterable()
                .containsExactly("livenessState");
    }

    @Test
    void readingATasksFormThroughTheApiIsAudited() {
        ImrClient coordinator = as("coordinator");
        String caseNumber = coordinator.receiveForReview(Applications.seed001());
        long taskId = coordinator.awaitTask(caseNumber, "Task_AssignReviewer").get("id").asLong();
        assertThat(coordinator.get("/api/tasks/" + taskId + "/form").status()).isEqualTo(200);
        assertThat(coordinator.get("/api/cases/" + caseNumber).json().path("history").findValuesAsText("action"))
                .contains("TASK_FORM_VIEWED");
    }

    private static void assertProblem(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
    }

    private List<String> actions(String actor, Instant since) {
        return jdbc.sql("select action from audit_event where actor = :actor and occurred_at >= :since order by seq")
                .param("actor", actor).param("since", java.sql.Timestamp.from(since)).query(String.class).list();
    }

    /** The reports of failed sign-ins with unknown user names, once they count {@code failures} in all. */
    private List<String> awaitUnknownUserReports(Instant since, int failures) throws InterruptedException {
        List<String> details = List.of();
        for (int attempt = 0; attempt < 150; attempt++) {
            details = jdbc.sql("""
                    select detail from audit_event where action = 'LOGIN_FAILED_UNKNOWN_USER' and occurred_at >= :since
                    order by seq""")
                    .param("since", java.sql.Timestamp.from(since)).query(String.class).list();
            if (details.stream().mapToInt(detail -> Integer.parseInt(detail.split(" ")[0])).sum() == failures) {
                return details;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The failed sign-ins were not reported as " + failures + ": " + details);
    }

    /** A request as a trusted proxy on this machine forwards it from {@code clientAddress} (none: direct). */
    private HttpResponse<String> send(String path, String username, String password, String clientAddress)
            throws IOException, InterruptedException {
        return http.send(request(path, username, password, clientAddress).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String username, String password, String clientAddress) {
        String credentials = Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + credentials);
        return clientAddress == null ? request : request.header("X-Forwarded-For", clientAddress);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
