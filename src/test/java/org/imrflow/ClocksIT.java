package org.imrflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.imrflow.support.ApplicationIT;
import org.imrflow.support.Applications;
import org.imrflow.support.ImrClient;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The statutory clocks and the records stage on the embedded engine, with the simulated time: records in time,
 * records late, nothing but the UR decision, the reminder and the escalation of the determination deadline, an
 * expedited conversion and an extension. Time only moves forward and all tests share one application, so each
 * test asserts on its own cases only.
 */
@TestPropertySource(properties = "imr.simulation.enabled=true")
class ClocksIT extends ApplicationIT {

    private static final String MEDICAL_REPORT = Base64.getEncoder().encodeToString(
            "Progress report of the requesting physician.".getBytes());

    @Test
    void recordsReceivedInTimeMeetTheRecordsClockAndStartTheDeterminationClockFromRecords() {
        ImrClient coordinator = as("coordinator");
        String caseNumber = coordinator.receive(Applications.seed001());
        JsonNode file = coordinator.awaitStage(caseNumber, "RECORDS");
        assertThat(clock(file, "FILING").get("status").asText()).isEqualTo("MET");
        assertThat(clock(file, "NOTICE_OF_ASSIGNMENT").get("status").asText()).isEqualTo("MET");
        JsonNode records = clock(file, "RECORDS");
        assertThat(records.get("status").asText()).isEqualTo("RUNNING");
        assertThat(records.get("rule").asText()).startsWith("15 days after the Notice of Assignment was mailed");
        assertThat(file.path("letters").findValuesAsText("kind")).contains("NOTICE_OF_ASSIGNMENT");
        assertThat(file.path("summary").path("assignedAt").asText()).isNotEmpty();

        assertThat(coordinator.post("/api/cases/" + caseNumber + "/records/complete", Map.of()).status()).isEqualTo(200);
        coordinator.awaitTask(caseNumber, "Task_AssignReviewer");
        file = coordinator.get("/api/cases/" + caseNumber).json();
        assertThat(clock(file, "RECORDS").get("status").asText()).isEqualTo("MET");
        assertThat(clock(file, "DETERMINATION_FROM_RECORDS").get("trigger").asText()).isEqualTo("Record set complete");
        assertThat(coordinator.post("/api/cases/" + caseNumber + "/records/complete", Map.of()).status())
                .as("twice").isEqualTo(409);
    }

    @Test
    void lateRecordsAreReferredForThePenaltyAndTheReviewGoesOnWithThePhysiciansDocuments() {
        ImrClient coordinator = as("coordinator");
        String caseNumber = coordinator.receive(Applications.seed001());
        coordinator.awaitStage(caseNumber, "RECORDS");
        ImrClient.Response added = coordinator.post("/api/cases/" + caseNumber + "/documents",
                document("REQUESTING_PHYSICIAN"));
        assertThat(added.status()).as(added.body()).isEqualTo(201);

        advance("P17D");
        coordinator.awaitTask(caseNumber, "Task_AssignReviewer");
        JsonNode file = coordinator.get("/api/cases/" + caseNumber).json();
        assertThat(clock(file, "RECORDS").get("status").asText()).isEqualTo("MISSED");
        assertThat(clock(file, "DETERMINATION_FROM_RECORDS").get("trigger").asText())
                .isEqualTo("Records late: the review goes on with the file");
        assertThat(file.path("records").path("penaltyReferredAt").asText()).isNotEmpty();
        assertThat(file.path("records").path("proceededAt").asText()).isNotEmpty();
        assertThat(file.path("recordsPenaltyAccrued").asInt()).isBetween(500, 5000);
        assertThat(file.path("history").findValuesAsText("action"))
                .contains("RECORDS_PENALTY_REFERRED", "REVIEW_PROCEEDS_WITHOUT_RECORDS").doesNotContain("CASE_HELD");
    }

    @Test
    void aCaseWithNothingButTheUrDecisionIsHeldUntilDocumentsArrive() {
        ImrClient coordinator = as("coordinator");
        String caseNumber = coordinator.receive(Applications.seed001());
        coordinator.awaitStage(caseNumber, "RECORDS");

        advance("P17D");
        coordinator.awaitTask(caseNumber, "Task_ObtainRecords");
        JsonNode file = coordinator.get("/api/cases/" + caseNumber).json();
        assertThat(file.path("summary").path("stage").asText()).isEqualTo("RECORDS");
        assertThat(file.path("history").findValuesAsText("action")).contains("RECORDS_PENALTY_REFERRED", "CASE_HELD");
        assertThat(file.path("records").path("heldAt").asText()).isNotEmpty();

        assertThat(coordinator.post("/api/cases/" + caseNumber + "/documents", document("EMPLOYEE")).status())
                .isEqualTo(201);
        coordinator.workOk(caseNumber, "Task_ObtainRecords",
                Map.of("recordsNote", "The employee sent the physician's progress report."));
        coordinator.awaitTask(caseNumber, "Task_AssignReviewer");
    }

    @Test
    void theDeterminationDeadlineRemindsThenEscalatesToACoordinator() {
        ImrClient coordinator = as("coordinator");
        String caseNumber = coordinator.receiveForReview(Applications.seed001());
        coordinator.awaitTask(caseNumber, "Task_AssignReviewer");
        JsonNode determination = clock(coordinator.get("/api/cases/" + caseNumber).json(), "DETERMINATION_FROM_ASSIGNMENT");
        Instant due = Instant.parse(determination.get("dueAt").asText());
        assertThat(determination.get("businessDaysLeft").asInt()).isBetween(18, 23);

        setNow(due.minus(Duration.ofDays(1)));
        JsonNode file = awaitFile(coordinator, caseNumber, f -> log(f).contains("REMINDED"));
        assertThat(clock(file, "DETERMINATION_FROM_ASSIGNMENT").get("status").asText()).isEqualTo("RUNNING");

        // the records were complete when the case was assigned: both determination clocks are missed, each
        // asking a coordinator to act on it
        Instant fromRecordsDue = Instant.parse(clock(file, "DETERMINATION_FROM_RECORDS").get("dueAt").asText());
        setNow((fromRecordsDue.isAfter(due) ? fromRecordsDue : due).plus(Duration.ofMinutes(5)));
        List<JsonNode> escalations = coordinator.awaitTasks(caseNumber, "Task_ActOnMissedDeadline", 2);
        file = coordinator.get("/api/cases/" + caseNumber).json();
        JsonNode missed = clock(file, "DETERMINATION_FROM_ASSIGNMENT");
        assertThat(missed.get("status").asText()).isEqualTo("MISSED");
        assertThat(missed.get("overdue").asBoolean()).isTrue();
        assertThat(missed.get("businessDaysLeft").asInt()).isNegative();
        assertThat(escalations).map(task -> coordinator.get("/api/tasks/" + task.get("id").asText() + "/form")
                        .json().path("values").get("deadline").asText())
                .containsExactlyInAnyOrder("T10 Determination, counted from assignment",
                        "T10 Determination, counted from complete records");

        assertThat(coordinator.work(caseNumber, "Task_ActOnMissedDeadline", Map.of()).status()).isEqualTo(400);
        for (int i = 0; i < escalations.size(); i++) {
            coordinator.workOk(caseNumber, "Task_ActOnMissedDeadline",
                    Map.of("actionTaken", "Asked the Administrative Director for an extension."));
        }
        file = awaitFile(coordinator, caseNumber,
                f -> log(f).stream().filter("ESCALATION_HANDLED"::equals).count() == escalations.size());
        assertThat(file.path("history").findValuesAsText("action")).contains("CLOCK_MISSED", "MISSED_DEADLINE_HANDLED");
    }

    @Test
    void anExpeditedConversionSwitchesTheRunningClocksAndTheRecordsTimer() {
        ImrClient coordinator = as("coordinator");
        String caseNumber = coordinator.receive(Applications.seed001());
        JsonNode before = clock(coordinator.awaitStage(caseNumber, "RECORDS"), "RECORDS");
        String expedite = "/api/cases/" + caseNumber + "/expedite";
        assertThat(coordinator.post(expedite, Map.of("certifiedOn", Applications.today().toString())).json()
                .path("errors").has("certifyingPhysician")).isTrue();
        assertThat(coordinator.post(expedite, Map.of("certifyingPhysician", "Dr. Pat Treating",
                "certifiedOn", "2999-01-01")).json().path("errors").has("certifiedOn")).isTrue();

        assertThat(coordinator.post(expedite, Map.of("certifyingPhysician", "Dr. Pat Treating",
                "certifiedOn", Applications.today().toString())).status()).isEqualTo(204);
        JsonNode file = coordinator.get("/api/cases/" + caseNumber).json();
        assertThat(file.path("summary").path("reviewType").asText()).isEqualTo("EXPEDITED");
        JsonNode records = clock(file, "RECORDS");
        assertThat(Instant.parse(records.get("dueAt").asText())).isBefore(Instant.parse(before.get("dueAt").asText()));
        assertThat(records.get("unit").asText()).isEqualTo("hours");
        assertThat(clock(file, "DETERMINATION_FROM_ASSIGNMENT").get("rule").asText()).contains("(expedited)");
        assertThat(file.path("clockLog").findValuesAsText("kind")).contains("EXPEDITED");
        assertThat(file.path("letters").findValuesAsText("kind")).contains("EXPEDITED_REVIEW_NOTICE");
        assertThat(coordinator.post(expedite, Map.of("certifyingPhysician", "Dr. Pat Treating",
                "certifiedOn", Applications.today().toString())).status()).as("already expedited").isEqualTo(409);

        // the records timer now falls due after 24 hours, not 15 days
        advance("PT25H");
        coordinator.awaitTask(caseNumber, "Task_ObtainRecords");
    }

    @Test
    void theAdministrativeDirectorsExtensionMovesTheDeterminationDeadlineByUpToThreeDays() {
        ImrClient coordinator = as("coordinator");
        String caseNumber = coordinator.receiveForReview(Applications.seed001());
        coordinator.awaitTask(caseNumber, "Task_AssignReviewer");
        Instant before = Instant.parse(clock(coordinator.get("/api/cases/" + caseNumber).json(),
                "DETERMINATION_FROM_ASSIGNMENT").get("dueAt").asText());
        String extension = "/api/cases/" + caseNumber + "/clocks/determination/extension";

        JsonNode errors = coordinator.post(extension, Map.of("days", 4)).json().path("errors");
        assertThat(errors.has("days") && errors.has("approvedBy") && errors.has("approvedOn") && errors.has("reason")).isTrue();
        assertThat(as("reviewer").post(extension, Map.of("days", 1)).status()).isEqualTo(404);
        assertThat(as("auditor").post(extension, approval(2)).status()).isEqualTo(403);

        assertThat(as("director").post(extension, approval(2)).status()).isEqualTo(204);
        JsonNode file = coordinator.get("/api/cases/" + caseNumber).json();
        Instant after = Instant.parse(clock(file, "DETERMINATION_FROM_ASSIGNMENT").get("dueAt").asText());
        assertThat(Duration.between(before, after).toDays()).isBetween(2L, 5L);
        JsonNode extended = null;
        for (JsonNode event : file.path("clockLog")) {
            if ("EXTENDED".equals(event.get("kind").asText())) {
                extended = event;
            }
        }
        assertThat(extended).isNotNull();
        assertThat(extended.get("approvedBy").asText()).isEqualTo("Administrative Director, DWC");
        assertThat(extended.get("days").asInt()).isEqualTo(2);

        assertThat(coordinator.post(extension, approval(2)).json().path("errors").path("days").asText())
                .contains("already extended by 2");
    }

    @Test
    void theClockOnlyMovesForwardForAdministrators() {
        ImrClient admin = as("admin");
        Instant now = Instant.parse(admin.get("/api/admin/clock").json().get("now").asText());
        assertThat(admin.post("/api/admin/clock", Map.of("now", now.minus(Duration.ofDays(1)).toString())).json()
                .path("errors").has("now")).isTrue();
        assertThat(admin.post("/api/admin/clock", Map.of("advance", "-P1D")).json().path("errors").has("advance")).isTrue();
        assertThat(admin.post("/api/admin/clock", Map.of("advance", "soon")).json().path("errors").has("advance")).isTrue();
        assertThat(admin.post("/api/admin/clock", Map.of()).status()).isEqualTo(400);
        assertThat(as("coordinator").post("/api/admin/clock", Map.of("advance", "P1D")).status()).isEqualTo(403);
        JsonNode moved = admin.post("/api/admin/clock", Map.of("advance", "PT1H")).json();
        assertThat(Instant.parse(moved.get("now").asText())).isAfter(now.plus(Duration.ofMinutes(59)));
        assertThat(moved.get("simulated").asBoolean()).isTrue();
    }

    private void advance(String duration) {
        ImrClient.Response moved = as("admin").post("/api/admin/clock", Map.of("advance", duration));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    }

    private void setNow(Instant instant) {
        ImrClient.Response moved = as("admin").post("/api/admin/clock", Map.of("now", instant.toString()));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    }

    private static Map<String, Object> document(String source) {
        return Map.of("fileName", "progress-report.txt", "contentType", "text/plain", "contentBase64", MEDICAL_REPORT,
                "source", source, "receivedDate", Applications.today().toString());
    }

    private static Map<String, Object> approval(int days) {
        Map<String, Object> approval = new HashMap<>();
        approval.put("days", days);
        approval.put("approvedBy", "Administrative Director, DWC");
        approval.put("approvedOn", Applications.today().toString());
        approval.put("reason", "The reviewer needs the AME report of last week.");
        return approval;
    }

    static JsonNode clock(JsonNode file, String kind) {
        for (JsonNode clock : file.path("clocks")) {
            if (clock.get("kind").asText().equals(kind)) {
                return clock;
            }
        }
        throw new AssertionError("No clock " + kind + " in " + file.path("clocks"));
    }

    private static List<String> log(JsonNode file) {
        return file.path("clockLog").findValuesAsText("kind");
    }

    private static JsonNode awaitFile(ImrClient client, String caseNumber, Predicate<JsonNode> condition) {
        Instant deadline = Instant.now().plusSeconds(20);
        JsonNode file = null;
        while (Instant.now().isBefore(deadline)) {
            file = client.get("/api/cases/" + caseNumber).json();
            if (condition.test(file)) {
                return file;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Case " + caseNumber + " never met the condition: " + file);
    }
}
