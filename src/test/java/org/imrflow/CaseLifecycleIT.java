package org.imrflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imrflow.support.Applications.PHYSICAL_THERAPY;
import static org.imrflow.support.Applications.PSYCHOLOGY;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.imrflow.intake.CaseFiles;
import org.imrflow.support.ApplicationIT;
import org.imrflow.support.Applications;
import org.imrflow.support.ImrClient;
import org.imrflow.support.PdfText;
import org.imrflow.support.SeedLetter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Whole cases through the HTTP API on the embedded engine: every path of {@code bpmn/imr-case.bpmn}.
 */
class CaseLifecycleIT extends ApplicationIT {

    private static final String UNREACHABLE_EMPLOYER = "Registry Outage Test Employer";


    @Autowired
    CaseFiles caseFiles;

    @Autowired
    JdbcClient jdbc;

    private final AtomicBoolean registryDown = new AtomicBoolean(true);

    @Test
    void seed001GoesFromIntakeToTheFinalDeterminationLetter() throws Exception {
        ImrClient coordinator = as("coordinator");
        String caseNumber = coordinator.receiveForReview(Applications.seed001());
        assertThat(caseNumber).matches("CM\\d{2}-\\d{7}");

        coordinator.assignReviewer(caseNumber, "Riley");
        ImrClient reviewer = as("reviewer");
        reviewer.acceptAssignment(caseNumber);
        reviewer.workOk(caseNumber, "Task_ReviewCase", Applications.seed001Review(coordinator.itemId(caseNumber, PSYCHOLOGY),
                coordinator.itemId(caseNumber, PHYSICAL_THERAPY)));
        as("director").workOk(caseNumber, "Task_QualityReview", Map.of("qaDecision", "APPROVE"));

        JsonNode file = coordinator.awaitStage(caseNumber, "DECIDED");
        assertThat(file.path("determination").path("upheldItems").asInt()).isEqualTo(1);
        assertThat(file.path("determination").path("overturnedItems").asInt()).isEqualTo(1);
        assertThat(file.path("letters").findValuesAsText("kind")).containsExactly("NOTICE_OF_ASSIGNMENT", "FINAL_DETERMINATION");
        assertThat(ClocksIT.clock(file, "DETERMINATION_FROM_ASSIGNMENT").get("status").asText()).isEqualTo("MET");
        assertThat(ClocksIT.clock(file, "DETERMINATION_FROM_RECORDS").get("status").asText()).isEqualTo("MET");
        assertThat(file.path("tasks").findValuesAsText("elementId")).doesNotContain("Task_ActOnMissedDeadline");
        JsonNode letter = file.path("letters").get(1);

        String text = coordinator.get("/api/cases/" + caseNumber + "/letters/" + letter.get("id").asText()).body();
        SeedLetter seed = SeedLetter.load("001_bb4913a5b984f6c8.txt");
        List<String> lines = text.lines().map(PdfText::collapsed).filter(l -> !l.isEmpty()).toList();
        assertThat(lines.stream().filter(seed.headings()::contains).toList())
                .as("the seed's sections, in the seed's order").isEqualTo(seed.headings());
        List<String> itemLines = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (String line : lines) {
            if (line.endsWith(": Upheld") || line.endsWith(": Overturned")) {
                itemLines.add(line);
            } else if (line.startsWith("Claims Administrator guideline:") || line.startsWith("Decision rationale:")) {
                labels.add(line.substring(0, line.indexOf(':') + 1));
            } else if (line.startsWith("GSMR guideline:")) {
                labels.add("GSMR guideline:");
            }
        }
        assertThat(itemLines).isEqualTo(seed.items().stream().map(SeedLetter.Item::line).toList());
        assertThat(labels).containsExactly("Claims Administrator guideline:", "GSMR guideline:", "Decision rationale:",
                "Claims Administrator guideline:", "GSMR guideline:", "Decision rationale:");
        assertThat(text).contains("State(s) of Licensure: California", "Certification(s)/Specialty: Psychiatry")
                .doesNotContain("Riley");

        byte[] pdf = coordinator.bytes("/api/cases/" + caseNumber + "/letters/" + letter.get("id").asText() + "/pdf");
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)))
                .isEqualTo(letter.get("sha256").asText());
        assertThat(PdfText.of(pdf)).contains("CLINICAL CASE SUMMARY", "IMR ISSUES, DECISIONS AND RATIONALES");
        assertThat(file.path("history").findValuesAsText("action"))
                .contains("CASE_CREATED", "ELIGIBILITY_SCREENED", "REVIEWER_OFFERED", "ASSIGNMENT_ACCEPTED",
                        "REVIEW_SUBMITTED", "GUIDELINE_CHECK_PASSED", "QUALITY_REVIEW_APPROVED", "LETTER_ISSUED");
    }

    @Test
    void aDocumentArrivingDuringTheReviewIsFlaggedToTheReviewerUntilTheReviewIsSubmitted() {
        ImrClient coordinator = as("coordinator");
        String caseNumber = coordinator.receiveForReview(Applications.seed001());
        coordinator.assignReviewer(caseNumber, "Riley");
        ImrClient reviewer = as("reviewer");
        reviewer.acceptAssignment(caseNumber);
        coordinator.awaitStage(caseNumber, "CLINICAL_REVIEW");

        ImrClient.Response added = coordinator.post("/api/cases/" + caseNumber + "/documents", Map.of(
                "fileName", "ame-report.txt", "contentType", "text/plain", "contentBase64", "QU1FIHJlcG9ydC4=",
                "source", "EMPLOYEE", "receivedDate", Applications.today().toString()));
        assertThat(added.status()).isEqualTo(201);
        long documentId = added.json().get("id").asLong();
        JsonNode flagged = awaitFile(reviewer, caseNumber, f -> !f.path("lateDocuments").isEmpty());
        assertThat(flagged.path("lateDocuments").get(0).asLong()).isEqualTo(documentId);
        assertThat(flagged.path("history").findValuesAsText("action")).contains("LATE_DOCUMENT_FLAGGED");

        reviewer.workOk(caseNumber, "Task_ReviewCase", Applications.seed001Review(coordinator.itemId(caseNumber, PSYCHOLOGY),
                coordinator.itemId(caseNumber, PHYSICAL_THERAPY)));
        assertThat(coordinator.get("/api/cases/" + caseNumber).json().path("lateDocuments")).isEmpty();
        assertThat(publicationsLeft()).as("the event publication is complete").isZero();
    }

    @Test
    void anUnsignedApplicationGetsAnIneligibilityNoticeAndCloses() {
        ImrClient coordinator = as("coordinator");
        Map<String, Object> application = new HashMap<>(Applications.seed001());
        application.put("signed", false);
        String caseNumber = coordinator.receive(application);

        JsonNode file = coordinator.awaitStage(caseNumber, "INELIGIBLE");
        assertThat(file.path("eligibility").path("outcome").asText()).isEqualTo("INELIGIBLE");
        JsonNode letter = file.path("letters").get(0);
        assertThat(letter.get("kind").asText()).isEqualTo("INELIGIBILITY_NOTICE");
        assertThat(coordinator.get("/api/cases/" + caseNumber + "/letters/" + letter.get("id").asText()).body())
                .contains("not signed by the employee");
        assertThat(file.path("tasks")).isEmpty();
    }

    @Test
    void aReviewTerminatedBecauseTheTreatmentWasAuthorizedClosesWithItsNotice() {
        ImrClient coordinator = as("coordinator");
        String caseNumber = coordinator.receiveForReview(Applications.seed001());
        coordinator.assignReviewer(caseNumber, "Riley");
        ImrClient reviewer = as("reviewer");
        reviewer.acceptAssignment(caseNumber);
        reviewer.awaitTask(caseNumber, "Task_ReviewCase");
        String terminate = "/api/cases/" + caseNumber + "/terminate";
        String today = Applications.today().toString();

        assertThat(reviewer.post(terminate, Map.of("treatmentAuthorizedOn", today)).status()).isEqualTo(403);
        ImrClient.Response future = coordinator.post(terminate,
                Map.of("treatmentAuthorizedOn", Applications.today().plusDays(1).toString()));
        assertThat(future.json().path("errors").has("treatmentAuthorizedOn")).as(future.body()).isTrue();
        assertThat(coordinator.get("/api/cases/" + caseNumber).json().path("summary").path("stage").asText())
                .as("nothing changed").isEqualTo("CLINICAL_REVIEW");

        assertThat(coordinator.post(terminate, Map.of("treatmentAuthorizedOn", today,
                "reason", "Authorized by letter of the claims administrator.")).status()).isEqualTo(204);
        JsonNode file = coordinator.get("/api/cases/" + caseNumber).json();
        assertThat(file.path("summary").path("stage").asText()).isEqualTo("TERMINATED");
        assertThat(file.path("clocks").findValuesAsText("status")).doesNotContain("RUNNING").contains("STOPPED");
        assertThat(reviewer.openTask(caseNumber, "Task_ReviewCase")).as("the review left the reviewer's inbox").isEmpty();
        JsonNode notice = null;
        for (JsonNode letter : file.path("letters")) {
            if (letter.get("kind").asText().equals("TERMINATION_NOTICE")) {
                notice = letter;
            }
        }
        assertThat(notice).as("the termination notice").isNotNull();
        assertThat(coordinator.get("/api/cases/" + caseNumber + "/letters/" + notice.get("id").asText()).body())
                .contains("NOTICE OF TERMINATION OF INDEPENDENT MEDICAL REVIEW", "is therefore terminated",
                        "- " + PSYCHOLOGY, "Authorized by letter of the claims administrator.", "SERVICE LIST");
        long noticeId = notice.get("id").asLong();
        assertThat(coordinator.get("/api/cases/" + caseNumber + "/deliveries").json().findValues("letterId").stream()
                .filter(id -> id.asLong() == noticeId).count()).isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from case_process where case_id = :id and ended_at is null")
                .param("id", file.path("summary").path("id").asLong()).query(Long.class).single())
                .as("no process of the case is rebuilt").isZero();

        assertThat(coordinator.post(terminate, Map.of("treatmentAuthorizedOn", today)).status()).isEqualTo(204);
        assertThat(coordinator.post(terminate, Map.of("treatmentAuthorizedOn",
                Applications.today().minusDays(1).toString())).status()).isEqualTo(409);
    }

    @Test
    void openFactsGoToACoordinatorAndTheScreeningRunsAgain() {
        ImrClient coordinator = as("coordinator");
        Map<String, Object> application = new HashMap<>(Applications.seed001());
        application.remove("signed");
        String caseNumber = coordinator.receive(application);
        coordinator.awaitTask(caseNumber, "Task_ReviewEligibility");

        // while the facts are open, the coordinator asks the parties; each request is a letter of its own
        String requests = "/api/cases/" + caseNumber + "/information-requests";
        Map<String, Object> request = Map.of("to", List.of("EMPLOYEE", "REPRESENTATIVE"),
                "requested", List.of("The signed Application for Independent Medical Review (DWC Form IMR)."));
        assertThat(as("reviewer").post(requests, request).status()).isEqualTo(403);
        assertThat(coordinator.post(requests, Map.of("to", List.of(), "requested", List.of("x"))).json()
                .path("errors").has("to")).isTrue();
        assertThat(coordinator.post(requests, Map.of("to", List.of("EMPLOYEE"), "requested", List.of(" "))).json()
                .path("errors").has("requested")).isTrue();
        assertThat(coordinator.post(requests, request).status()).isEqualTo(201);
        ImrClient.Response second = coordinator.post(requests, Map.of("to", List.of("CLAIMS_ADMINISTRATOR"),
                "requested", List.of("The date the UR decision was served.")));
        assertThat(second.status()).isEqualTo(201);
        assertThat(coordinator.get("/api/cases/" + caseNumber + "/letters/" + second.json().get("id").asText()).body())
                .contains("REQUEST FOR INFORMATION", "- The date the UR decision was served.",
                        "within 5 business days of receiving this request",
                        "Claims administrator: Golden Claims Administrators (by mail)")
                .doesNotContain("Employee: Dale Detailer (by mail)");
        JsonNode asked = coordinator.get("/api/cases/" + caseNumber).json();
        assertThat(asked.path("letters").findValuesAsText("kind")).containsExactly("INFORMATION_REQUEST", "INFORMATION_REQUEST");
        assertThat(asked.path("deliveries")).hasSize(3);

        coordinator.workOk(caseNumber, "Task_ReviewEligibility",
                Map.of("signed", "YES", "urDecisionAttached", "YES", "conditionalNonCertification", "NO"));

        JsonNode file = coordinator.awaitStage(caseNumber, "RECORDS");
        assertThat(coordinator.post(requests, request).status()).as("past the eligibility review").isEqualTo(409);
        assertThat(file.path("summary").path("signed").asBoolean()).isTrue();
        assertThat(file.path("clocks").findValuesAsText("kind"))
                .containsExactly("FILING", "NOTICE_OF_ASSIGNMENT", "RECORDS", "DETERMINATION_FROM_ASSIGNMENT");
    }

    @Test
    void withoutAFittingReviewerACoordinatorSearchesAndMatchingRunsAgain() {
        ImrClient coordinator = as("coordinator");
        Map<String, Object> application = new HashMap<>(Applications.seed001());
        application.put("reviewType", "EXPEDITED");
        // the demo panel has surgeons and psychiatrists, but no reviewer who fits both items
        application.put("disputedItems", List.of(Applications.item("Lumbar fusion L4-L5", "SURGERY"),
                Applications.item("Presurgical psychological evaluation", "BEHAVIORAL_HEALTH")));
        String caseNumber = coordinator.receiveForReview(application);

        coordinator.workOk(caseNumber, "Task_FindReviewer", Map.of("searchNote", "Asked two orthopaedic surgeons."));
        JsonNode again = coordinator.awaitTask(caseNumber, "Task_FindReviewer");
        JsonNode file = coordinator.get("/api/cases/" + caseNumber).json();
        assertThat(again.get("id").asLong()).isNotEqualTo(file.path("tasks").get(0).get("id").asLong());
        assertThat(file.path("history").findValuesAsText("action")).contains("REVIEWER_SEARCH");
        JsonNode determination = null;
        for (JsonNode clock : file.path("clocks")) {
            if (clock.get("kind").asText().equals("DETERMINATION_FROM_ASSIGNMENT")) {
                determination = clock;
            }
        }
        assertThat(determination).as("the determination clock from assignment").isNotNull();
        assertThat(determination.get("rule").asText()).startsWith("3 days after the assignment (expedited)");
    }

    @Test
    void aReviewerAffiliatedWithAPartyIsNotRankedAndTheCoordinatorSeesWhy() {
        ImrClient coordinator = as("coordinator");
        Map<String, Object> application = new HashMap<>(Applications.seed001());
        // the demo affiliation, written as the claims administrator's own papers write it
        application.put("claimsAdministratorName", "PACIFIC COAST INSURANCE SERVICES, Inc.");
        String caseNumber = coordinator.receiveForReview(application);

        JsonNode task = coordinator.awaitTask(caseNumber, "Task_AssignReviewer");
        JsonNode values = coordinator.get("/api/tasks/" + task.get("id").asText() + "/form").json().path("values");
        assertThat(values.path("reviewerOptions").findValuesAsText("label"))
                .noneMatch(label -> label.contains("Sam Second")).anyMatch(label -> label.contains("Riley"));
        assertThat(values.path("excludedReviewers").asText()).contains("Dr. Sam Second: conflict of interest: "
                + "insurer or claims administrator \"Pacific Coast Insurance Services\" is the claims administrator");
    }

    @Test
    void aReviewerWhoDeclinesIsNotOfferedTheCaseAgain() {
        ImrClient coordinator = as("coordinator");
        String caseNumber = coordinator.receiveForReview(Applications.seed001());
        coordinator.assignReviewer(caseNumber, "Riley");

        ImrClient reviewer = as("reviewer");
        assertThat(reviewer.work(caseNumber, "Task_AcceptAssignment", Map.of("assignmentResponse", "DECLINE")).json()
                .path("errors").has("declineReason")).isTrue();
        reviewer.workOk(caseNumber, "Task_AcceptAssignment",
                Map.of("assignmentResponse", "DECLINE", "declineReason", "I treated this worker's employer's staff."));

        JsonNode task = coordinator.awaitTask(caseNumber, "Task_AssignReviewer");
        JsonNode options = coordinator.get("/api/tasks/" + task.get("id").asText() + "/form").json()
                .path("values").path("reviewerOptions");
        assertThat(options.findValuesAsText("label")).noneMatch(label -> label.contains("Riley"))
                .anyMatch(label -> label.contains("Sam Second"));
        assertThat(reviewer.get("/api/cases/" + caseNumber).status()).isEqualTo(404);
    }

    @Test
    void aWithdrawnReviewerLeavesTheirReviewInTheHistoryAndTheCaseGoesToAnother() {
        ImrClient coordinator = as("coordinator");
        String caseNumber = coordinator.receiveForReview(Applications.seed001());
        String withdrawal = "/api/cases/" + caseNumber + "/reviewer/withdrawal";
        coordinator.assignReviewer(caseNumber, "Riley");
        ImrClient.Response notAccepted = coordinator.post(withdrawal, Map.of("reason", "Unavailable"));
        assertThat(notAccepted.status()).isEqualTo(400);
        assertThat(notAccepted.json().path("errors").has("assignment")).isTrue();

        ImrClient reviewer = as("reviewer");
        reviewer.acceptAssignment(caseNumber);
        reviewer.workOk(caseNumber, "Task_ReviewCase", Applications.seed001Review(coordinator.itemId(caseNumber, PSYCHOLOGY),
                coordinator.itemId(caseNumber, PHYSICAL_THERAPY)));
        ImrClient director = as("director");
        director.awaitTask(caseNumber, "Task_QualityReview");

        assertThat(reviewer.post(withdrawal, Map.of("reason", "I am unavailable")).status()).isEqualTo(403);
        ImrClient.Response blank = coordinator.post(withdrawal, Map.of("reason", "  "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().path("errors").has("reason")).isTrue();
        assertThat(coordinator.get("/api/cases/" + caseNumber).json().path("summary").path("stage").asText())
                .as("a refused withdrawal changes nothing").isEqualTo("QUALITY_REVIEW");

        assertThat(coordinator.post(withdrawal, Map.of("reason", "A conflict of interest came to light after acceptance."))
                .status()).isEqualTo(204);
        JsonNode task = coordinator.awaitTask(caseNumber, "Task_AssignReviewer");
        assertThat(director.openTask(caseNumber, "Task_QualityReview")).as("the quality review left the inbox").isEmpty();
        JsonNode values = coordinator.get("/api/tasks/" + task.get("id").asText() + "/form").json().path("values");
        assertThat(values.path("reviewerOptions").findValuesAsText("label"))
                .noneMatch(label -> label.contains("Riley")).anyMatch(label -> label.contains("Sam Second"));
        assertThat(values.path("excludedReviewers").asText()).contains("Dr. Riley Reviewer: was withdrawn from the case");
        assertThat(reviewer.get("/api/cases/" + caseNumber).status()).isEqualTo(404);
        assertThat(coordinator.post(withdrawal, Map.of("reason", "Again")).status()).isEqualTo(400);

        coordinator.assignReviewer(caseNumber, "Sam Second");
        ImrClient second = as("reviewer2");
        second.acceptAssignment(caseNumber);
        JsonNode reviewTask = second.awaitTask(caseNumber, "Task_ReviewCase");
        JsonNode form = second.get("/api/tasks/" + reviewTask.get("id").asText() + "/form").json().path("values");
        assertThat(form.path("clinicalCaseSummary").isNull() || form.path("clinicalCaseSummary").asText().isEmpty())
                .as("the first reviewer's summary is not shown to the next").isTrue();
        assertThat(form.path("items").findValuesAsText("decision")).isEmpty();
        assertThat(jdbc.sql("select count(*) from clinical_review where case_id = (select id from imr_case where "
                + "case_number = :n) and superseded_at is not null").param("n", caseNumber).query(Integer.class).single())
                .as("the first review is kept in the history").isEqualTo(1);

        second.workOk(caseNumber, "Task_ReviewCase", Applications.seed001Review(coordinator.itemId(caseNumber, PSYCHOLOGY),
                coordinator.itemId(caseNumber, PHYSICAL_THERAPY)));
        director.workOk(caseNumber, "Task_QualityReview", Map.of("qaDecision", "APPROVE"));
        JsonNode file = coordinator.awaitStage(caseNumber, "DECIDED");
        assertThat(file.path("history").findValuesAsText("action")).contains("REVIEWER_WITHDRAWN", "REVIEW_SET_ASIDE");
        assertThat(file.path("reviewers").findValuesAsText("reviewer")).containsExactly("Dr. Riley Reviewer", "Dr. Sam Second");
        assertThat(file.path("reviewers").findValuesAsText("status")).containsExactly("WITHDRAWN", "COMPLETED");
        assertThat(file.path("reviewers").get(0).path("withdrawalReason").asText()).startsWith("A conflict of interest");

        String audited = as("auditor").get("/api/cases/" + caseNumber).body();
        JsonNode seenByAuditor = as("auditor").get("/api/cases/" + caseNumber).json();
        assertThat(seenByAuditor.path("reviewers").findValuesAsText("reviewer"))
                .containsExactly("Expert reviewer 1", "Expert reviewer 2");
        assertThat(seenByAuditor.path("tasks").findValuesAsText("assignee")).contains("Expert reviewer 1", "Expert reviewer 2");
        assertThat(seenByAuditor.path("history").findValuesAsText("actor")).contains("Expert reviewer 2")
                .doesNotContain("reviewer", "reviewer2");
        assertThat(as("auditor").get("/api/tasks/" + reviewTask.get("id").asText() + "/form").json()
                .path("task").path("assignee").asText()).isEqualTo("Expert reviewer 2");
        assertThat(second.get("/api/tasks/" + reviewTask.get("id").asText() + "/form").json()
                .path("task").path("assignee").asText()).as("a reviewer knows their own login").isEqualTo("reviewer2");
        assertThat(audited).as("an auditor never learns who reviewed").doesNotContain("Riley", "Sam Second", "\"reviewer2\"");
        String letter = coordinator.get("/api/cases/" + caseNumber + "/letters/"
                + file.path("letters").get(1).get("id").asText()).body();
        assertThat(letter).contains("State(s) of Licensure: Texas, California",
                "Certification(s)/Specialty: Family Practice, Psychiatry");
    }

    @Test
    void aPanelApprovedByTheAdministrativeDirectorDecidesByMajorityAndAnEvenSplitOverturns() {
        ImrClient coordinator = as("coordinator");
        String caseNumber = coordinator.receive(Applications.seed001());
        String approval = "/api/cases/" + caseNumber + "/panel-approval";
        Map<String, Object> approved = Map.of("reviewers", 2, "approvedOn", Applications.today().toString(),
                "reference", "AD approval letter of " + Applications.today());
        assertThat(as("reviewer").post(approval, approved).status()).isEqualTo(403);
        ImrClient.Response tooMany = coordinator.post(approval, Map.of("reviewers", 4,
                "approvedOn", Applications.today().toString(), "reference", "AD letter"));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().path("errors").has("reviewers")).isTrue();
        assertThat(coordinator.post(approval, approved).status()).isEqualTo(201);
        coordinator.awaitStage(caseNumber, "RECORDS");
        assertThat(coordinator.post("/api/cases/" + caseNumber + "/records/complete", Map.of()).status()).isEqualTo(200);

        JsonNode assign = coordinator.awaitTask(caseNumber, "Task_AssignPanel");
        JsonNode values = coordinator.get("/api/tasks/" + assign.get("id").asText() + "/form").json().path("values");
        assertThat(values.path("panelSeats").asText()).contains("choose 2 reviewers");
        Map<String, String> ids = new HashMap<>();
        for (JsonNode option : values.path("reviewerOptions")) {
            ids.put(option.get("label").asText().contains("Riley") ? "riley"
                    : option.get("label").asText().contains("Sam Second") ? "sam" : option.get("value").asText(),
                    option.get("value").asText());
        }
        ImrClient.Response oneSeat = coordinator.work(caseNumber, "Task_AssignPanel", Map.of("reviewer1Id", ids.get("riley")));
        assertThat(oneSeat.status()).isEqualTo(400);
        assertThat(oneSeat.json().path("errors").has("reviewer1Id")).isTrue();
        coordinator.workOk(caseNumber, "Task_AssignPanel", Map.of("reviewer1Id", ids.get("riley"),
                "reviewer2Id", ids.get("sam")));

        ImrClient riley = as("reviewer");
        ImrClient sam = as("reviewer2");
        riley.acceptAssignment(caseNumber);
        sam.acceptAssignment(caseNumber);
        long psychology = coordinator.itemId(caseNumber, PSYCHOLOGY);
        long therapy = coordinator.itemId(caseNumber, PHYSICAL_THERAPY);
        riley.workOk(caseNumber, "Task_ReviewCase", Applications.seed001Review(psychology, therapy));
        JsonNode samsTask = sam.awaitTask(caseNumber, "Task_ReviewCase");
        JsonNode samsForm = sam.get("/api/tasks/" + samsTask.get("id").asText() + "/form").json().path("values");
        assertThat(samsForm.path("items").findValuesAsText("decision")).as("each decides independently").isEmpty();
        assertThat(coordinator.openTask(caseNumber, "Task_PanelQualityReview")).as("the panel is not done").isEmpty();

        Map<String, Object> samsReview = new HashMap<>(Applications.seed001Review(psychology, therapy));
        samsReview.put("items", List.of(
                Map.of("itemId", psychology, "decision", "OVERTURNED", "guidelineBasis", "MTUS",
                        "mtusCitation", "Chronic Pain Treatment Guidelines Page(s): 23",
                        "decisionRationale", "The records document a failed trial of active therapy and persistent "
                                + "depressive symptoms; six psychotherapy visits are medically necessary."),
                Map.of("itemId", therapy, "decision", "OVERTURNED", "guidelineBasis", "MTUS",
                        "mtusCitation", "Chronic Pain Treatment Guidelines Physical Therapy Page(s): 98-99",
                        "decisionRationale", "Six visits are within the guideline's 9-10 visits for myalgia.")));
        sam.workOk(caseNumber, "Task_ReviewCase", samsReview);
        ImrClient director = as("director");
        director.workOk(caseNumber, "Task_PanelQualityReview",
                Map.of("qaDecision", "RETURN", "qaComments", "Cite the page of the guideline for each visit count."));
        // each reviewer reviews again, from their own review
        JsonNode again = riley.awaitTask(caseNumber, "Task_ReviewCase");
        assertThat(riley.get("/api/tasks/" + again.get("id").asText() + "/form").json().path("values").path("items")
                .findValuesAsText("decision")).containsExactly("UPHELD", "OVERTURNED");
        riley.workOk(caseNumber, "Task_ReviewCase", Applications.seed001Review(psychology, therapy));
        // Riley's review passes its check while Sam's, returned, is not submitted again: the panel is not done, though
        // Sam's earlier review would pass
        awaitFile(coordinator, caseNumber, f -> f.path("history").findValuesAsText("action").stream()
                .filter("GUIDELINE_CHECK_PASSED"::equals).count() == 3);
        // read again: the file's summary may have been read before the check committed, its history after
        JsonNode checked = coordinator.get("/api/cases/" + caseNumber).json();
        assertThat(checked.path("summary").path("stage").asText()).isEqualTo("CLINICAL_REVIEW");
        assertThat(coordinator.openTask(caseNumber, "Task_PanelQualityReview")).as("Sam reviews again first").isEmpty();
        sam.workOk(caseNumber, "Task_ReviewCase", samsReview);
        director.workOk(caseNumber, "Task_PanelQualityReview", Map.of("qaDecision", "APPROVE"));

        JsonNode file = coordinator.awaitStage(caseNumber, "DECIDED");
        assertThat(file.path("determination").path("overturnedItems").asInt()).as("an even split overturns").isEqualTo(2);
        assertThat(file.path("panelApproval").path("reviewers").asInt()).isEqualTo(2);
        assertThat(file.path("reviewers").findValuesAsText("status")).containsExactly("COMPLETED", "COMPLETED");
        String letter = coordinator.get("/api/cases/" + caseNumber + "/letters/"
                + file.path("letters").get(1).get("id").asText()).body();
        assertThat(letter).contains("The Expert Reviewers have the following credentials:", "Expert Reviewer 1:",
                "State(s) of Licensure: California", "Expert Reviewer 2:", "State(s) of Licensure: Texas, California",
                "The expert reviewers differed on this item. Each analysis follows.", "Expert Reviewer 1: Upheld",
                "Expert Reviewer 2: Overturned", "six psychotherapy visits are medically necessary")
                .doesNotContain("Riley", "Sam Second");
        assertThat(letter.indexOf("differed on this item")).as("only the divided item gives each analysis")
                .isEqualTo(letter.lastIndexOf("differed on this item"));
    }

    @Test
    void aWithdrawnPanelReviewerOpensASeatWhileTheOtherGoesOnAndATerminationStopsThePanel() {
        ImrClient coordinator = as("coordinator");
        String caseNumber = coordinator.receiveForPanel(Applications.seed001(), 2);
        coordinator.assignPanel(caseNumber, "Riley", "Sam Second");
        as("reviewer").acceptAssignment(caseNumber);
        as("reviewer2").acceptAssignment(caseNumber);
        as("reviewer").awaitTask(caseNumber, "Task_ReviewCase");
        as("reviewer2").awaitTask(caseNumber, "Task_ReviewCase");

        String withdrawal = "/api/cases/" + caseNumber + "/reviewer/withdrawal";
        ImrClient.Response unnamed = coordinator.post(withdrawal, Map.of("reason", "Unavailable"));
        assertThat(unnamed.status()).isEqualTo(400);
        assertThat(unnamed.json().path("errors").has("reviewer")).isTrue();
        assertThat(coordinator.post(withdrawal, Map.of("reason", "A conflict came to light.", "reviewer", "reviewer2"))
                .status()).isEqualTo(204);

        // no other demo reviewer fits both items: the coordinator is asked to find one, told why
        JsonNode find = coordinator.awaitTask(caseNumber, "Task_FindReviewer");
        String why = coordinator.get("/api/tasks/" + find.get("id").asText() + "/form").json()
                .path("values").path("excludedReviewers").asText();
        assertThat(why).contains("Dr. Sam Second: was withdrawn from the case",
                "Dr. Riley Reviewer: already on the case's panel");
        assertThat(as("reviewer2").openTask(caseNumber, "Task_ReviewCase")).isEmpty();
        assertThat(as("reviewer").openTask(caseNumber, "Task_ReviewCase")).as("the other reviewer goes on").isPresent();

        assertThat(coordinator.post("/api/cases/" + caseNumber + "/terminate",
                Map.of("treatmentAuthorizedOn", Applications.today().toString())).status()).isEqualTo(204);
        JsonNode file = coordinator.awaitStage(caseNumber, "TERMINATED");
        assertThat(file.path("tasks").findValues("status").stream().map(JsonNode::asText))
                .as("no task of the case or its panel is left open").doesNotContain("OPEN");
        assertThat(file.path("reviewers").findValuesAsText("status")).containsExactly("RELEASED", "WITHDRAWN");
    }

    @Test
    void theGuidelineCheckAndTheMedicalDirectorReturnTheReview() {
        ImrClient coordinator = as("coordinator");
        String caseNumber = coordinator.receiveForReview(Applications.seed001());
        coordinator.assignReviewer(caseNumber, "Riley");
        ImrClient reviewer = as("reviewer");
        reviewer.acceptAssignment(caseNumber);
        long psychology = coordinator.itemId(caseNumber, PSYCHOLOGY);
        long therapy = coordinator.itemId(caseNumber, PHYSICAL_THERAPY);

        Map<String, Object> review = new HashMap<>(Applications.seed001Review(psychology, therapy));
        review.put("items", List.of(
                Map.of("itemId", psychology, "decision", "UPHELD", "guidelineBasis", "NO_EVIDENCE",
                        "mtusCitation", "Chronic Pain Treatment Guidelines Page(s): 23"),
                Map.of("itemId", therapy, "decision", "OVERTURNED", "guidelineBasis", "NON_MTUS",
                        "nonMtusCitation", "Official Disability Guidelines", "decisionRationale", "Medically necessary.")));
        JsonNode refused = reviewer.work(caseNumber, "Task_ReviewCase", review).json().path("errors");
        assertThat(refused.has("items[0].mtusCitation")).as("no evidence with a citation: " + refused).isTrue();
        assertThat(refused.has("items[1].mtusInapplicableReason")).as("non-MTUS without a reason: " + refused).isTrue();

        review.put("items", List.of(
                Map.of("itemId", psychology, "decision", "UPHELD", "guidelineBasis", "MTUS"),
                Map.of("itemId", therapy, "decision", "OVERTURNED", "guidelineBasis", "NON_MTUS",
                        "nonMtusCitation", "Official Disability Guidelines", "mtusInapplicableReason", "CONDITION_NOT_ADDRESSED",
                        "decisionRationale", "Medically necessary.")));
        reviewer.workOk(caseNumber, "Task_ReviewCase", review);

        reviewer.awaitTask(caseNumber, "Task_ReviewCase");
        JsonNode returned = coordinator.get("/api/cases/" + caseNumber).json().path("reviewReturns").get(0);
        assertThat(returned.get("source").asText()).isEqualTo("GUIDELINE_CHECK");
        assertThat(returned.get("notes").asText()).contains("Item 1", "Cite the MTUS guideline", "no decision rationale")
                .doesNotContain("Item 2");

        reviewer.workOk(caseNumber, "Task_ReviewCase", Applications.seed001Review(psychology, therapy));
        ImrClient director = as("director");
        assertThat(director.work(caseNumber, "Task_QualityReview", Map.of("qaDecision", "RETURN")).status()).isEqualTo(400);
        director.workOk(caseNumber, "Task_QualityReview",
                Map.of("qaDecision", "RETURN", "qaComments", "Name the functional improvement documented."));

        reviewer.awaitTask(caseNumber, "Task_ReviewCase");
        JsonNode file = coordinator.awaitStage(caseNumber, "CLINICAL_REVIEW");
        assertThat(file.path("reviewReturns").findValuesAsText("source")).containsExactly("GUIDELINE_CHECK", "QUALITY_REVIEW");
        reviewer.workOk(caseNumber, "Task_ReviewCase", Applications.seed001Review(psychology, therapy));
        director.workOk(caseNumber, "Task_QualityReview", Map.of("qaDecision", "APPROVE"));
        coordinator.awaitStage(caseNumber, "DECIDED");
    }

    @Test
    void aFailingStepBecomesAnIncidentThatACoordinatorRetries() {
        doAnswer(invocation -> {
            long caseId = invocation.getArgument(0);
            if (registryDown.get() && UNREACHABLE_EMPLOYER.equals(caseFiles.byId(caseId).employerName())) {
                throw new IllegalStateException("reviewer registry unavailable");
            }
            return invocation.callRealMethod();
        }).when(matching).screen(anyLong());

        ImrClient coordinator = as("coordinator");
        Map<String, Object> application = new HashMap<>(Applications.seed001());
        application.put("employerName", UNREACHABLE_EMPLOYER);
        String caseNumber = coordinator.receiveForReview(application);

        JsonNode incident = coordinator.awaitIncident(caseNumber);
        assertThat(incident.get("elementId").asText()).isEqualTo("Task_RankReviewers");
        assertThat(incident.get("message").asText()).contains("reviewer registry unavailable");
        String retry = "/api/cases/" + caseNumber + "/incidents/" + incident.get("id").asText() + "/retry";
        assertThat(as("auditor").post(retry, Map.of()).status()).isEqualTo(403);

        registryDown.set(false);
        assertThat(coordinator.post(retry, Map.of()).status()).isEqualTo(204);
        coordinator.awaitTask(caseNumber, "Task_AssignReviewer");
        assertThat(coordinator.get("/api/cases/" + caseNumber).json().path("incidents")).isEmpty();
    }


    private long publicationsLeft() {
        return jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single();
    }

    private static JsonNode awaitFile(ImrClient client, String caseNumber, Predicate<JsonNode> condition) {
        for (int i = 0; i < 200; i++) {
            JsonNode file = client.get("/api/cases/" + caseNumber).json();
            if (condition.test(file)) {
                return file;
            }
            sleep();
        }
        throw new AssertionError("Case " + caseNumber + " never met the condition");
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
