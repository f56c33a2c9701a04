package org.imrflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import java.util.Map;
import java.util.UUID;
import org.imrflow.support.ApplicationIT;
import org.imrflow.support.Applications;
import org.imrflow.support.ImrClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stops the application with cases at different steps and starts it again on the same data: the embedded
 * engine is rebuilt from PostgreSQL, every open case goes on from where it was, and nothing is done twice,
 * not even a task completed in PostgreSQL whose completion the engine never received.
 */
class RestartIT {

    private final String[] arguments = {
            "--server.port=" + ApplicationIT.freePort(),
            "--imr.engine.port=" + ApplicationIT.freePort(),
            "--imr.data-dir=target/it-data/restart-" + UUID.randomUUID(),
            "--imr.jobs.first-backoff=PT0.1S"};

    @Test
    void openCasesGoOnFromWhereTheyWereAfterARestart() {
        String awaitingAcceptance;
        String claimedByCoordinator;
        String acceptedBeforeTheEngineHeard;
        long claimedTaskId;
        try (ConfigurableApplicationContext app = start()) {
            ImrClient coordinator = client(app, "coordinator");
            awaitingAcceptance = coordinator.receive(Applications.seed001());
            String reviewerId = firstOption(coordinator, awaitingAcceptance);
            coordinator.workOk(awaitingAcceptance, "Task_AssignReviewer", Map.of("reviewerId", reviewerId));
            client(app, "reviewer").awaitTask(awaitingAcceptance, "Task_AcceptAssignment");

            claimedByCoordinator = coordinator.receive(Applications.seed001());
            claimedTaskId = coordinator.awaitTask(claimedByCoordinator, "Task_AssignReviewer").get("id").asLong();
            assertThat(coordinator.post("/api/tasks/" + claimedTaskId + "/claim", Map.of()).status()).isEqualTo(200);

            // the crash window: the acceptance commits in PostgreSQL, then the engine is gone before it hears of it
            acceptedBeforeTheEngineHeard = coordinator.receive(Applications.seed001());
            coordinator.workOk(acceptedBeforeTheEngineHeard, "Task_AssignReviewer",
                    Map.of("reviewerId", firstOption(coordinator, acceptedBeforeTheEngineHeard)));
            ImrClient offered = client(app, assigneeOf(coordinator, acceptedBeforeTheEngineHeard));
            offered.awaitTask(acceptedBeforeTheEngineHeard, "Task_AcceptAssignment");
            app.getBean(ZeebeTestEngine.class).stop();
            offered.workOk(acceptedBeforeTheEngineHeard, "Task_AcceptAssignment",
                    Map.of("assignmentResponse", "ACCEPT", "noConflictAttested", true));
        }

        try (ConfigurableApplicationContext app = start()) {
            ImrClient coordinator = client(app, "coordinator");
            ImrClient reviewer = client(app, "reviewer");

            JsonNode claimed = coordinator.awaitTask(claimedByCoordinator, "Task_AssignReviewer");
            assertThat(claimed.get("id").asLong()).as("the same inbox entry").isEqualTo(claimedTaskId);
            assertThat(claimed.get("claimedBy").asText()).isEqualTo("coordinator");

            reviewer.workOk(awaitingAcceptance, "Task_AcceptAssignment",
                    Map.of("assignmentResponse", "ACCEPT", "noConflictAttested", true));
            JsonNode file = coordinator.awaitStage(awaitingAcceptance, "CLINICAL_REVIEW");
            reviewer.awaitTask(awaitingAcceptance, "Task_ReviewCase");
            assertThat(file.path("tasks").findValuesAsText("elementId"))
                    .as("each step once: nothing repeated by the rebuild")
                    .containsExactly("Task_AssignReviewer", "Task_AcceptAssignment", "Task_ReviewCase");
            assertThat(file.path("history").findValuesAsText("action").stream()
                    .filter("ELIGIBILITY_SCREENED"::equals)).hasSize(1);

            JsonNode replayed = coordinator.awaitStage(acceptedBeforeTheEngineHeard, "CLINICAL_REVIEW");
            client(app, assigneeOf(coordinator, acceptedBeforeTheEngineHeard))
                    .awaitTask(acceptedBeforeTheEngineHeard, "Task_ReviewCase");
            assertThat(replayed.path("history").findValuesAsText("action").stream()
                    .filter("ASSIGNMENT_ACCEPTED"::equals)).as("the acceptance is replayed, not redone").hasSize(1);

            coordinator.workOk(claimedByCoordinator, "Task_AssignReviewer",
                    Map.of("reviewerId", firstOption(coordinator, claimedByCoordinator)));
            coordinator.awaitStage(claimedByCoordinator, "REVIEWER_SELECTION");
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(ImrflowApplication.class).run(arguments);
    }

    private static ImrClient client(ConfigurableApplicationContext app, String username) {
        String port = app.getEnvironment().getProperty("local.server.port");
        return new ImrClient("http://localhost:" + port, username, "demo");
    }

    private static String assigneeOf(ImrClient coordinator, String caseNumber) {
        for (JsonNode task : coordinator.get("/api/cases/" + caseNumber).json().path("tasks")) {
            if (task.get("elementId").asText().equals("Task_AcceptAssignment")) {
                return task.get("assignee").asText();
            }
        }
        throw new AssertionError("Case " + caseNumber + " has no Accept assignment task");
    }

    private static String firstOption(ImrClient coordinator, String caseNumber) {
        JsonNode task = coordinator.awaitTask(caseNumber, "Task_AssignReviewer");
        return coordinator.get("/api/tasks/" + task.get("id").asText() + "/form").json()
                .path("values").path("reviewerOptions").get(0).get("value").asText();
    }
}
