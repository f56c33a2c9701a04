package org.imrflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.imrflow.support.ApplicationIT;
import org.imrflow.support.Applications;
import org.imrflow.support.ImrClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The API's rules: bad input gets 400 with the errors per field and stores nothing; every role is allowed
 * and denied on cases, tasks and letters as its role says.
 */
class ApiRulesIT extends ApplicationIT {

    @Autowired
    JdbcClient jdbc;

    @Test
    void badApplicationsAreRejectedFieldByFieldAndNothingIsStored() {
        ImrClient coordinator = as("coordinator");
        long casesBefore = count();

        Map<String, Object> missing = new HashMap<>(Applications.seed001());
        missing.remove("claimNumber");
        assertRejected(coordinator, missing, "claimNumber");

        Map<String, Object> injuryAfterUr = new HashMap<>(Applications.seed001());
        injuryAfterUr.put("dateOfInjury", injuryAfterUr.get("receivedDate"));
        assertRejected(coordinator, injuryAfterUr, "dateOfInjury");

        Map<String, Object> future = new HashMap<>(Applications.seed001());
        future.put("receivedDate", "2999-01-01");
        assertRejected(coordinator, future, "receivedDate");

        Map<String, Object> badNpi = new HashMap<>(Applications.seed001());
        badNpi.put("requestingPhysicianNpi", "1234567890");
        assertRejected(coordinator, badNpi, "requestingPhysicianNpi");

        Map<String, Object> unknownValue = new HashMap<>(Applications.seed001());
        unknownValue.put("reviewType", "URGENT");
        assertRejected(coordinator, unknownValue, "reviewType");

        Map<String, Object> unknownField = new HashMap<>(Applications.seed001());
        unknownField.put("favouriteColour", "blue");
        assertRejected(coordinator, unknownField, "favouriteColour");

        Map<String, Object> tooLong = new HashMap<>(Applications.seed001());
        tooLong.put("disputedItems", List.of(Applications.item("x".repeat(100_001), "PHARMACEUTICALS")));
        assertRejected(coordinator, tooLong, "disputedItems[0].description");

        Map<String, Object> badState = new HashMap<>(Applications.seed001());
        badState.put("employeeAddress", Map.of("street", "1 Main St", "city", "Sacramento", "state", "California",
                "zip", "95814"));
        assertRejected(coordinator, badState, "employeeAddress.state");

        Map<String, Object> unnamedRepresentative = new HashMap<>(Applications.seed001());
        unnamedRepresentative.put("representative", Map.of("address", Applications.address("1 Main St", "Sacramento", "95814")));
        assertRejected(coordinator, unnamedRepresentative, "representative.name");

        Map<String, Object> noItems = new HashMap<>(Applications.seed001());
        noItems.put("disputedItems", List.of());
        assertRejected(coordinator, noItems, "disputedItems");

        Map<String, Object> notPdf = new HashMap<>(Applications.seed001());
        notPdf.put("documents", List.of(Map.of("fileName", "ur.pdf", "contentType", "application/pdf",
                "contentBase64", "aGVsbG8=")));
        assertRejected(coordinator, notPdf, "documents");

        ImrClient.Response malformed = coordinator.post("/api/cases", "{\"reviewType\": \"STANDARD\",");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).contains("not valid JSON").doesNotContain("Exception");

        assertThat(count()).as("nothing stored").isEqualTo(casesBefore);
    }

    @Test
    void eachRoleIsAllowedAndDeniedOnCasesTasksAndLetters() {
        ImrClient coordinator = as("coordinator");
        for (String role : List.of("reviewer", "director", "auditor", "admin")) {
            assertThat(as(role).post("/api/cases", Applications.seed001()).status()).as(role).isEqualTo(403);
        }
        assertThat(new ImrClient("http://localhost:" + port, "coordinator", "wrong").get("/api/tasks").status())
                .isEqualTo(401);

        String caseNumber = coordinator.receiveForReview(Applications.seed001());
        JsonNode task = coordinator.awaitTask(caseNumber, "Task_AssignReviewer");
        String taskPath = "/api/tasks/" + task.get("id").asText();

        for (String role : List.of("coordinator", "director", "auditor", "admin")) {
            assertThat(as(role).get("/api/cases/" + caseNumber).status()).as(role).isEqualTo(200);
            assertThat(as(role).get("/api/cases/" + caseNumber + "/letters").status()).as(role).isEqualTo(200);
        }
        assertThat(as("reviewer").get("/api/cases/" + caseNumber).status()).isEqualTo(404);
        assertThat(as("reviewer").get("/api/cases/" + caseNumber + "/letters").status()).isEqualTo(404);
        assertThat(as("reviewer").get(taskPath + "/form").status()).isEqualTo(404);

        assertThat(as("auditor").post(taskPath + "/claim", Map.of()).status()).as("auditors never write").isEqualTo(403);
        assertThat(as("director").post(taskPath + "/claim", Map.of()).status()).as("not the director's group").isEqualTo(403);
        assertThat(coordinator.post(taskPath + "/complete", Map.of("reviewerId", "1")).status())
                .as("unclaimed").isEqualTo(403);
        assertThat(coordinator.post(taskPath + "/assign", Map.of("username", "director")).status())
                .as("not a member of the task's group").isEqualTo(400);
        assertThat(as("auditor").post(taskPath + "/assign", Map.of("username", "coordinator")).status()).isEqualTo(403);
        assertThat(coordinator.post(taskPath + "/assign", Map.of("username", "coordinator")).status()).isEqualTo(200);
        assertThat(coordinator.post(taskPath + "/claim", Map.of()).status()).as("already mine").isEqualTo(200);
        assertThat(as("director").post(taskPath + "/complete", Map.of("reviewerId", "1")).status())
                .as("someone else's task").isEqualTo(403);

        String reviewerId = coordinator.get(taskPath + "/form").json().path("values").path("reviewerOptions")
                .get(0).get("value").asText();
        assertThat(coordinator.post(taskPath + "/complete", Map.of("reviewerId", "999999")).status()).isEqualTo(400);
        assertThat(coordinator.post(taskPath + "/complete", Map.of("reviewerId", reviewerId)).status()).isEqualTo(200);
        ImrClient.Response again = coordinator.post(taskPath + "/complete", Map.of("reviewerId", reviewerId));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("already been completed");

        ImrClient offered = as(coordinator.get("/api/cases/" + caseNumber).json().path("tasks").get(1).get("assignee").asText());
        assertThat(offered.get("/api/cases/" + caseNumber).status()).as("the offered reviewer sees the case").isEqualTo(200);

        assertThat(as("admin").get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(as("coordinator").get("/v3/api-docs").status()).isEqualTo(403);
    }

    @Test
    void aCaseTakenOverKeepsItsNumberAndAssignmentDateAndBadTakeOversAreRejected() {
        ImrClient coordinator = as("coordinator");
        long casesBefore = count();
        Map<String, Object> taken = new HashMap<>(Applications.seed001());
        taken.put("caseNumber", "CM25-0099001");
        taken.put("assignedDate", Applications.today().minusDays(2).toString());
        assertThat(as("reviewer").post("/api/cases", taken).status()).isEqualTo(403);

        Map<String, Object> malformed = new HashMap<>(taken);
        malformed.put("caseNumber", "CM2025-99");
        assertRejected(coordinator, malformed, "caseNumber");
        Map<String, Object> dateOnly = new HashMap<>(Applications.seed001());
        dateOnly.put("assignedDate", Applications.today().toString());
        assertRejected(coordinator, dateOnly, "assignedDate");
        Map<String, Object> future = new HashMap<>(taken);
        future.put("assignedDate", "2999-01-01");
        assertRejected(coordinator, future, "assignedDate");
        Map<String, Object> noServiceMethod = new HashMap<>(Applications.seed001());
        noServiceMethod.remove("urServiceMethod");
        assertRejected(coordinator, noServiceMethod, "urServiceMethod");
        assertThat(count()).as("nothing stored").isEqualTo(casesBefore);

        assertThat(as("admin").receive(taken)).isEqualTo("CM25-0099001");
        assertRejected(coordinator, taken, "caseNumber");
        JsonNode file = coordinator.awaitStage("CM25-0099001", "RECORDS");
        assertThat(file.path("summary").path("imported").asBoolean()).isTrue();
        assertThat(file.path("parties").findValuesAsText("role")).containsExactly("EMPLOYEE", "REPRESENTATIVE",
                "REQUESTING_PHYSICIAN", "CLAIMS_ADMINISTRATOR", "EMPLOYER");
        assertThat(file.path("parties").get(1).get("name").asText()).isEqualTo("Lee Advocate, Esq.");
        assertThat(file.path("parties").get(0).path("address").path("zip").asText()).isEqualTo("95814");
        assertThat(file.path("letters").findValuesAsText("kind")).as("the other system sent the notice").isEmpty();
        assertThat(file.path("history").findValuesAsText("action")).contains("CASE_TAKEN_OVER");
        JsonNode fromAssignment = ClocksIT.clock(file, "DETERMINATION_FROM_ASSIGNMENT");
        assertThat(LocalDate.ofInstant(Instant.parse(fromAssignment.get("triggeredAt").asText()),
                ZoneId.of("America/Los_Angeles"))).isEqualTo(Applications.today().minusDays(2));
    }

    @Test
    void documentsAfterIntakeNeedTheirSourceAndDateReceived() {
        ImrClient coordinator = as("coordinator");
        String caseNumber = coordinator.receive(Applications.seed001());
        String documents = "/api/cases/" + caseNumber + "/documents";
        Map<String, Object> good = new HashMap<>(Map.of("fileName", "report.txt", "contentType", "text/plain",
                "contentBase64", "UmVwb3J0Lg==", "source", "CLAIMS_ADMINISTRATOR",
                "receivedDate", Applications.today().toString()));
        long documentsBefore = jdbc.sql("select count(*) from case_document").query(Long.class).single();

        Map<String, Object> unknownSource = new HashMap<>(good);
        unknownSource.put("source", "NEIGHBOUR");
        assertFieldError(coordinator.post(documents, unknownSource), "source");
        Map<String, Object> noSource = new HashMap<>(good);
        noSource.remove("source");
        assertFieldError(coordinator.post(documents, noSource), "source");
        Map<String, Object> future = new HashMap<>(good);
        future.put("receivedDate", Applications.today().plusDays(1).toString());
        assertFieldError(coordinator.post(documents, future), "receivedDate");
        Map<String, Object> notBase64 = new HashMap<>(good);
        notBase64.put("contentBase64", "%%%");
        assertFieldError(coordinator.post(documents, notBase64), "contentBase64");
        assertThat(as("auditor").post(documents, good).status()).isEqualTo(403);
        assertThat(as("reviewer").post(documents, good).status()).isEqualTo(403);
        assertThat(coordinator.post("/api/cases/CM99-0000000/documents", good).status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from case_document").query(Long.class).single())
                .as("nothing stored").isEqualTo(documentsBefore);

        ImrClient.Response added = coordinator.post(documents, good);
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().get("source").asText()).isEqualTo("CLAIMS_ADMINISTRATOR");
        assertThat(added.json().get("withApplication").asBoolean()).isFalse();
    }

    @Test
    void operatorsReadTheBuildModeAndMetricsAndOnlyAdministratorsScrapePrometheus() {
        JsonNode info = ImrClient.anonymous("http://localhost:" + port).get("/actuator/info").json();
        assertThat(info.path("mode").asText()).isEqualTo("embedded");
        assertThat(info.path("engine").path("kind").asText()).isEqualTo("embedded Zeebe");
        assertThat(info.path("build").path("version").asText()).isNotEmpty();
        ImrClient coordinator = as("coordinator");
        String caseNumber = coordinator.receiveForReview(Applications.seed001());
        long task = coordinator.awaitTask(caseNumber, "Task_AssignReviewer").get("id").asLong();
        assertThat(coordinator.post("/api/tasks/" + task + "/claim", Map.of()).status()).isEqualTo(200);
        assertThat(coordinator.post("/api/tasks/" + task + "/complete", Map.of("reviewerId", "")).status())
                .isEqualTo(400);
        coordinator.workOk(caseNumber, "Task_AssignReviewer", Map.of("reviewerId", coordinator.get(
                "/api/tasks/" + task + "/form").json().path("values").path("reviewerOptions").get(0).get("value").asText()));

        ImrClient.Response scraped = as("admin").get("/actuator/prometheus");
        assertThat(scraped.status()).isEqualTo(200);
        assertThat(scraped.body()).contains("jvm_memory_used_bytes", "http_server_requests_seconds",
                "imr_cases_received_total{review_type=\"standard\"}", "imr_cases_screened_total{outcome=\"eligible\"}",
                "imr_tasks_waiting_seconds_count{task=\"Task_AssignReviewer\"}");
        assertThat(as("auditor").get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(ImrClient.anonymous("http://localhost:" + port).get("/actuator/prometheus").status()).isEqualTo(401);
    }

    @Test
    void theClockCannotBeMovedWithoutTheSimulationSetting() {
        ImrClient.Response refused = as("admin").post("/api/admin/clock", Map.of("advance", "P1D"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).contains("imr.simulation.enabled");
        assertThat(as("admin").get("/api/admin/clock").json().get("simulated").asBoolean()).isFalse();
    }

    private static void assertFieldError(ImrClient.Response response, String field) {
        assertThat(response.status()).as(field + ": " + response.body()).isEqualTo(400);
        assertThat(response.json().path("errors").has(field)).as(field + " in " + response.body()).isTrue();
    }

    private void assertRejected(ImrClient client, Map<String, Object> application, String field) {
        ImrClient.Response response = client.post("/api/cases", application);
        assertThat(response.status()).as(field).isEqualTo(400);
        assertThat(response.json().path("errors").has(field)).as(field + " in " + response.body()).isTrue();
        assertThat(response.body()).doesNotContain("Exception");
    }

    private long count() {
        return jdbc.sql("select count(*) from imr_case").query(Long.class).single();
    }
}
