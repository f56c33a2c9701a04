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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.imrflow.support.ApplicationIT;
import org.imrflow.support.Applications;
import org.imrflow.support.ImrClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Work sent while the application starts: applications and task completions arrive in a loop from before the
 * HTTP port opens, through the rebuild of the engine's state, until after the application is ready. Each is
 * refused with 503 and {@code Retry-After} or done exactly once: no case screened twice, no second notice, no
 * task twice, no case stuck.
 */
class StartupIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WAITING_CASES = 6;
    private static final int INTAKE_CLIENTS = 4;

    private final String dataDir = "target/it-data/startup-" + UUID.randomUUID();
    private final int port = ApplicationIT.freePort();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void workSentDuringStartUpIsRefusedOrDoneOnce() throws Exception {
        List<String> waiting = new ArrayList<>();
        try (ConfigurableApplicationContext app = start()) {
            ImrClient coordinator = client("coordinator");
            for (int i = 0; i < WAITING_CASES; i++) {
                waiting.add(coordinator.receiveForReview(Applications.seed001()));
            }
            for (String caseNumber : waiting) {
                coordinator.awaitTask(caseNumber, "Task_AssignReviewer");
            }
        }

        AtomicBoolean stop = new AtomicBoolean();
        Results results = new Results();
        List<String> received = new CopyOnWriteArrayList<>();
        Set<String> assigned = ConcurrentHashMap.newKeySet();
        List<Thread> intake = new ArrayList<>();
        for (int i = 0; i < INTAKE_CLIENTS; i++) {
            intake.add(Thread.ofPlatform().start(() -> {
                while (!stop.get()) {
                    send(post("/api/cases", Applications.seed001()), results)
                            .ifPresent(body -> received.add(read(body).get("caseNumber").asText()));
                }
            }));
        }
        Thread completions = Thread.ofPlatform().start(() -> {
            while (!stop.get()) {
                for (String caseNumber : waiting) {
                    if (!assigned.contains(caseNumber) && assignFirstReviewer(caseNumber, results)) {
                        assigned.add(caseNumber);
                    }
                }
            }
        });

        try (ConfigurableApplicationContext app = start()) {
            int receivedWhenReady = received.size();
            Thread.sleep(2_000);
            stop.set(true);
            for (Thread client : intake) {
                client.join();
            }
            completions.join();
            assertThat(results.unexpected).as("server errors while the application started").isEmpty();
            assertThat(received.size()).as("applications received once the application was ready")
                    .isGreaterThan(receivedWhenReady);

            ImrClient coordinator = client("coordinator");
            for (String caseNumber : received) {
                JsonNode file = awaitNotice(coordinator, caseNumber);
                assertThat(file.path("history").findValuesAsText("action").stream()
                        .filter("ELIGIBILITY_SCREENED"::equals)).as("case %s screened once", caseNumber).hasSize(1);
                assertThat(file.path("letters").findValuesAsText("kind")).as("case %s", caseNumber)
                        .containsExactly("NOTICE_OF_ASSIGNMENT");
            }
            for (String caseNumber : waiting) {
                if (!assigned.contains(caseNumber)) {
                    coordinator.workOk(caseNumber, "Task_AssignReviewer",
                            Map.of("reviewerId", firstOption(coordinator, caseNumber)));
                }
                JsonNode file = coordinator.awaitStage(caseNumber, "REVIEWER_SELECTION");
                String reviewer = assigneeOfAcceptance(coordinator, caseNumber);
                client(reviewer).awaitTask(caseNumber, "Task_AcceptAssignment");
                file = coordinator.get("/api/cases/" + caseNumber).json();
                assertThat(file.path("tasks").findValuesAsText("elementId")).as("case %s: each task once", caseNumber)
                        .containsExactly("Task_AssignReviewer", "Task_AcceptAssignment");
                List<String> actions = file.path("history").findValuesAsText("action");
                assertThat(actions.stream().filter("REVIEWERS_RANKED"::equals)).as("case %s ranked once", caseNumber)
                        .hasSize(1);
                assertThat(actions.stream().filter("REVIEWER_OFFERED"::equals)).as("case %s offered once", caseNumber)
                        .hasSize(1);
            }
            System.out.printf("StartupIT: %d applications received and %d tasks completed around the restart, "
                    + "%d requests refused with 503%n", received.size(), assigned.size(), results.refused.get());
        }
    }

    /** Claims the case's Assign reviewer task if need be and completes it with the first reviewer offered. */
    private boolean assignFirstReviewer(String caseNumber, Results results) {
        JsonNode tasks = send(get("/api/tasks"), results).map(StartupIT::read).orElse(null);
        if (tasks == null) {
            return false;
        }
        for (String list : List.of("myTasks", "groupTasks")) {
            for (JsonNode task : tasks.path(list)) {
                if (!task.path("caseNumber").asText().equals(caseNumber)
                        || !task.path("elementId").asText().equals("Task_AssignReviewer")) {
                    continue;
                }
                String id = task.path("id").asText();
                if (list.equals("groupTasks") && send(post("/api/tasks/" + id + "/claim", Map.of()), results).isEmpty()) {
                    return false;
                }
                return send(get("/api/tasks/" + id + "/form"), results).map(StartupIT::read)
                        .map(form -> form.path("values").path("reviewerOptions").get(0).get("value").asText())
                        .flatMap(reviewerId -> send(post("/api/tasks/" + id + "/complete",
                                Map.of("reviewerId", reviewerId)), results))
                        .isPresent();
            }
        }
        return false;
    }

    /**
     * Sends as the coordinator; returns the body of a 2xx answer. A refused connection (the port is not open yet)
     * and a 503 with {@code Retry-After} are expected while the application starts; any other 5xx is not.
     */
    private Optional<String> send(HttpRequest request, Results results) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status == 503 && response.headers().firstValue("Retry-After").isPresent()) {
                results.refused.incrementAndGet();
            } else if (status >= 500) {
                results.unexpected.add(request.method() + " " + request.uri().getPath() + ": " + status + " "
                        + response.body());
            }
            return status / 100 == 2 ? Optional.ofNullable(response.body()) : Optional.empty();
        } catch (IOException e) {
            pause();
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private HttpRequest get(String path) {
        return request(path).GET().build();
    }

    private HttpRequest post(String path, Object body) {
        try {
            return request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        String credentials = Base64.getEncoder().encodeToString("coordinator:demo".getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Basic " + credentials);
    }

    private static JsonNode awaitNotice(ImrClient coordinator, String caseNumber) {
        for (int attempt = 0; attempt < 400; attempt++) {
            JsonNode file = coordinator.get("/api/cases/" + caseNumber).json();
            if (!file.path("letters").isEmpty()) {
                return file;
            }
            pause();
        }
        throw new AssertionError("Case " + caseNumber + " never got its Notice of Assignment");
    }

    private static String firstOption(ImrClient coordinator, String caseNumber) {
        JsonNode task = coordinator.awaitTask(caseNumber, "Task_AssignReviewer");
        return coordinator.get("/api/tasks/" + task.get("id").asText() + "/form").json()
                .path("values").path("reviewerOptions").get(0).get("value").asText();
    }

    private static String assigneeOfAcceptance(ImrClient coordinator, String caseNumber) {
        for (int attempt = 0; attempt < 400; attempt++) {
            for (JsonNode task : coordinator.get("/api/cases/" + caseNumber).json().path("tasks")) {
                if (task.get("elementId").asText().equals("Task_AcceptAssignment")) {
                    return task.get("assignee").asText();
                }
            }
            pause();
        }
        throw new AssertionError("Case " + caseNumber + " has no Accept assignment task");
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + body, e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ImrClient client(String username) {
        return new ImrClient("http://localhost:" + port, username, "demo");
    }

    /** A run of the application on this test's data and HTTP port, with an engine port of its own. */
    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ImrflowApplication.class).run("--server.port=" + port,
                "--imr.engine.port=" + ApplicationIT.freePort(), "--imr.data-dir=" + dataDir,
                "--imr.jobs.first-backoff=PT0.1S");
    }

    /** What the loops saw: requests refused while the application started, and answers that should not be. */
    private static final class Results {
        final AtomicInteger refused = new AtomicInteger();
        final List<String> unexpected = new CopyOnWriteArrayList<>();
    }
}
