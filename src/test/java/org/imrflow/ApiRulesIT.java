package org.imrflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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

        Map<String, Object> unknownValue = new HashMap<>(Applications.seed001());
        unknownValue.put("reviewType", "URGENT");
        assertRejected(coordinator, unknownValue, "reviewType");

        Map<String, Object> unknownField = new HashMap<>(Applications.seed001());
        unknownField.put("favouriteColour", "blue");
        assertRejected(coordinator, unknownField, "favouriteColour");

        Map<String, Object> tooLong = new HashMap<>(Applications.seed001());
        tooLong.put("disputedItems", List.of(Applications.item("x".repeat(100_001), "PHARMACEUTICALS")));
        assertRejected(coordinator, tooLong, "disputedItems[0].description");

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
