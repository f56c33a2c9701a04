package org.imrflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imrflow.support.Applications.PHYSICAL_THERAPY;
import static org.imrflow.support.Applications.PSYCHOLOGY;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.imrflow.support.ApplicationIT;
import org.imrflow.support.Applications;
import org.imrflow.support.ImrClient;
import org.imrflow.support.PdfText;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The medical director's quality review shows what is approved (the summary, each item's decision with its guideline
 * lines and rationale, the guideline check, the credentials) and previews the Final Determination Letter as approval
 * would issue it, issuing nothing; the preview is the director's alone, and reads as the issued letter does.
 */
class QualityReviewPageIT extends ApplicationIT {

    static final String ODG = Applications.ODG;
    static final String PSYCHOLOGY_RATIONALE = "The evaluation was authorized; six sessions of treatment exceed "
            + "the initial trial the guideline recommends before objective improvement.";
    static final String THERAPY_RATIONALE = "Six visits are within the guideline's 9-10 visits for myalgia, and the "
            + "worker documented on 9/12/13 that therapy helped.";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDirectorSeesWhatIsApprovedAndPreviewsTheLetterThatApprovalThenIssuesWordForWord() throws Exception {
        ImrClient coordinator = as("coordinator");
        String caseNumber = coordinator.receiveForReview(Applications.seed001PartlyApproved());
        coordinator.assignReviewer(caseNumber, "Riley");
        ImrClient reviewer = as("reviewer");
        reviewer.acceptAssignment(caseNumber);
        long reviewTask = reviewer.awaitTask(caseNumber, "Task_ReviewCase").get("id").asLong();
        reviewer.workOk(caseNumber, "Task_ReviewCase", review(coordinator.itemId(caseNumber, PSYCHOLOGY),
                coordinator.itemId(caseNumber, PHYSICAL_THERAPY)));
        ImrClient director = as("director");
        long task = director.awaitTask(caseNumber, "Task_QualityReview").get("id").asLong();

        // the task page, before the director claims it: everything approved, read-only, and the preview link
        Document page = page(task, "director", "MEDICAL_DIRECTOR");
        Element review = page.getElementById("quality-review");
        assertThat(review).isNotNull();
        assertThat(PdfText.collapsed(review.getElementById("qr-summary").text()))
                .contains(PdfText.collapsed(Applications.SEED_001_SUMMARY));
        List<Element> items = review.select("#qr-items li.disputed-item");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).select(".item-decision").text()).isEqualTo("Upheld");
        assertThat(items.get(0).select(".partial-approval").text())
                .isEqualTo("Authorized by the claims administrator: Chronic pain psychology evaluation; in dispute: "
                        + "six sessions of treatment");
        assertThat(items.get(0).select(".item-citation").text()).contains("Non-MTUS: " + ODG);
        assertThat(items.get(0).text()).contains("Why the MTUS does not apply");
        assertThat(items.get(0).select(".item-rationale").text()).contains(PSYCHOLOGY_RATIONALE);
        assertThat(items.get(1).select(".item-decision").text()).isEqualTo("Overturned");
        assertThat(items.get(1).select(".item-citation").text())
                .contains("MTUS: Chronic Pain Treatment Guidelines Physical Therapy Page(s): 98-99");
        assertThat(items.get(1).select(".item-rationale").text()).contains(THERAPY_RATIONALE);
        assertThat(review.select("#qr-guideline-check .check-passed").text()).contains("Passed");
        assertThat(review.select("#qr-guideline-check .check-findings")).isEmpty();
        assertThat(review.getElementById("qr-credentials").text())
                .contains("State(s) of Licensure: California", "Certification(s)/Specialty: Psychiatry, Pain Management")
                .doesNotContain("Riley");
        assertThat(review.getElementById("letter-preview").attr("href")).isEqualTo("/tasks/" + task + "/letter-preview.pdf");
        assertThat(page.getElementById("task-form-readonly")).as("the form stays as it was").isNotNull();

        // coordinators and auditors see the page but not the preview; a reviewer sees neither
        Document coordinatorsPage = page(task, "coordinator", "COORDINATOR");
        assertThat(coordinatorsPage.getElementById("qr-items")).isNotNull();
        assertThat(coordinatorsPage.getElementById("letter-preview")).isNull();
        assertThat(preview(task, "coordinator", "COORDINATOR").getStatus()).isEqualTo(403);
        assertThat(preview(task, "auditor", "AUDITOR").getStatus()).isEqualTo(403);
        MockHttpServletResponse refused = preview(task, "reviewer", "REVIEWER");
        assertThat(refused.getStatus()).isEqualTo(404);
        assertThat(refused.getContentType()).startsWith("text/html");
        assertProblem(as("coordinator").get("/api/tasks/" + task + "/letter-preview"), 403);
        assertProblem(as("auditor").get("/api/tasks/" + task + "/letter-preview"), 403);
        assertProblem(reviewer.get("/api/tasks/" + task + "/letter-preview"), 404);
        // bad ids, and a task that is no quality review
        assertThat(director.get("/api/tasks/abc/letter-preview").status()).isEqualTo(400);
        assertProblem(director.get("/api/tasks/999999999/letter-preview"), 404);
        assertProblem(director.get("/api/tasks/-1/letter-preview"), 404);
        assertProblem(director.get("/api/tasks/" + reviewTask + "/letter-preview"), 404);
        assertThat(preview(-1, "director", "MEDICAL_DIRECTOR").getStatus()).isEqualTo(404);

        // the director previews the letter (the page's link and the API give the same draft), issuing nothing
        MockHttpServletResponse fromPage = preview(task, "director", "MEDICAL_DIRECTOR");
        assertThat(fromPage.getStatus()).isEqualTo(200);
        assertThat(fromPage.getContentType()).isEqualTo("application/pdf");
        assertThat(fromPage.getHeader("Content-Disposition")).startsWith("inline");
        ImrClient.Response claimed = director.post("/api/tasks/" + task + "/claim", Map.of());
        assertThat(claimed.status()).isEqualTo(200);
        byte[] draft = director.bytes("/api/tasks/" + task + "/letter-preview");
        String draftText = PdfText.of(draft);
        assertThat(PdfText.collapsed(PdfText.of(fromPage.getContentAsByteArray())))
                .isEqualTo(PdfText.collapsed(draftText));
        assertThat(draftText.split(PdfText.DRAFT_BANNER, -1)).as("every page is marked")
                .hasSize(PdfText.pages(draft) + 1);
        assertThat(PdfText.collapsed(draftText)).contains(
                "Dated: " + Applications.today().format(java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy")),
                "The remaining IMR eligible portion of the original request, six sessions of treatment is: Upheld",
                "GSMR guideline: The Expert Reviewer based their decision on recommendation(s) outside of the MTUS "
                        + "Guidelines. Decision based on Non-MTUS Citation " + ODG,
                PHYSICAL_THERAPY + ": Overturned",
                "GSMR guideline: Decision based on MTUS Chronic Pain Treatment Guidelines Physical Therapy Page(s): 98-99",
                "Decision rationale: " + THERAPY_RATIONALE,
                "State(s) of Licensure: California", "Certification(s)/Specialty: Psychiatry, Pain Management");

        JsonNode file = coordinator.get("/api/cases/" + caseNumber).json();
        assertThat(file.path("summary").path("stage").asText()).isEqualTo("QUALITY_REVIEW");
        assertThat(file.path("letters").findValuesAsText("kind")).containsExactly("NOTICE_OF_ASSIGNMENT");
        assertThat(file.path("determination").isNull() || file.path("determination").isMissingNode()).isTrue();
        assertThat(ClocksIT.clock(file, "DETERMINATION_FROM_ASSIGNMENT").get("status").asText()).isNotEqualTo("MET");
        assertThat(letterRows(caseNumber)).isEqualTo(1);
        List<JsonNode> previewed = audited(file, "LETTER_PREVIEWED");
        assertThat(previewed).hasSize(2);
        assertThat(previewed).allSatisfy(entry -> {
            assertThat(entry.get("actor").asText()).isEqualTo("director");
            assertThat(entry.get("detail").asText()).isEqualTo("Final Determination Letter, draft, as PDF");
        });
        assertThat(audited(file, "LETTER_ISSUED")).hasSize(1).allSatisfy(entry ->
                assertThat(entry.get("detail").asText()).startsWith("Notice of Assignment"));
        assertThat(audited(file, "TASK_FORM_VIEWED")).isNotEmpty();

        // approved: the issued letter says what the preview said, but for the draft's marks
        director.workOk(caseNumber, "Task_QualityReview", Map.of("qaDecision", "APPROVE"));
        JsonNode decided = coordinator.awaitStage(caseNumber, "DECIDED");
        JsonNode letter = decided.path("letters").get(1);
        assertThat(letter.get("kind").asText()).isEqualTo("FINAL_DETERMINATION");
        byte[] issued = coordinator.bytes("/api/cases/" + caseNumber + "/letters/" + letter.get("id").asText() + "/pdf");
        assertThat(PdfText.withoutDraftMarks(draftText)).isEqualTo(PdfText.of(issued));
        assertThat(PdfText.of(issued)).doesNotContain("DRAFT");
        assertProblem(director.get("/api/tasks/" + task + "/letter-preview"), 409);
    }

    @Test
    void thePanelsQualityReviewShowsEachReviewersSummaryCredentialsAndOpinion() throws Exception {
        ImrClient coordinator = as("coordinator");
        String caseNumber = coordinator.receiveForPanel(Applications.seed001(), 2);
        coordinator.assignPanel(caseNumber, "Riley", "Sam Second");
        ImrClient riley = as("reviewer");
        ImrClient sam = as("reviewer2");
        riley.acceptAssignment(caseNumber);
        sam.acceptAssignment(caseNumber);
        long psychology = coordinator.itemId(caseNumber, PSYCHOLOGY);
        long therapy = coordinator.itemId(caseNumber, PHYSICAL_THERAPY);
        riley.workOk(caseNumber, "Task_ReviewCase", Applications.seed001Review(psychology, therapy));
        Map<String, Object> samsReview = new HashMap<>(Applications.seed001Review(psychology, therapy));
        samsReview.put("clinicalCaseSummary", "A second reading of the records: chronic low back pain since 2011.");
        samsReview.put("items", List.of(
                Map.of("itemId", psychology, "decision", "OVERTURNED", "guidelineBasis", "MTUS",
                        "mtusCitation", "Chronic Pain Treatment Guidelines Page(s): 23",
                        "decisionRationale", "Persistent depressive symptoms after failed active therapy; six "
                                + "psychotherapy visits are medically necessary."),
                Map.of("itemId", therapy, "decision", "OVERTURNED", "guidelineBasis", "MTUS",
                        "mtusCitation", "Chronic Pain Treatment Guidelines Physical Therapy Page(s): 98-99",
                        "decisionRationale", "Six visits are within the guideline's 9-10 visits for myalgia.")));
        sam.workOk(caseNumber, "Task_ReviewCase", samsReview);
        ImrClient director = as("director");
        long task = director.awaitTask(caseNumber, "Task_PanelQualityReview").get("id").asLong();

        Element review = page(task, "director", "MEDICAL_DIRECTOR").getElementById("quality-review");
        assertThat(review.select("#qr-summary details")).hasSize(2);
        assertThat(review.getElementById("qr-summary").text()).contains("Expert reviewer 1's clinical case summary",
                "Expert reviewer 2's clinical case summary", "A second reading of the records");
        List<Element> items = review.select("#qr-items li.disputed-item");
        assertThat(items.get(0).select(".item-decision").text()).as("an even split overturns").isEqualTo("Overturned");
        assertThat(items.get(0).select(".item-opinions > li")).extracting(Element::text).satisfiesExactly(
                first -> assertThat(first).startsWith("Expert reviewer 1: Upheld"),
                second -> assertThat(second).startsWith("Expert reviewer 2: Overturned")
                        .contains("six psychotherapy visits are medically necessary"));
        assertThat(review.select("#qr-guideline-check .check-passed")).hasSize(2);
        assertThat(review.getElementById("qr-credentials").text()).contains("Expert Reviewer 1:",
                "State(s) of Licensure: California", "Expert Reviewer 2:", "State(s) of Licensure: Texas, California",
                "Certification(s)/Specialty: Family Practice, Psychiatry").doesNotContain("Riley", "Sam Second");

        String draft = PdfText.collapsed(PdfText.of(director.bytes("/api/tasks/" + task + "/letter-preview")));
        assertThat(draft).contains(PdfText.DRAFT_BANNER, "The Expert Reviewers have the following credentials:",
                "The expert reviewers differed on this item. Each analysis follows.", "Expert Reviewer 1: Upheld",
                "Expert Reviewer 2: Overturned").doesNotContain("Riley", "Sam Second");
        assertThat(coordinator.get("/api/cases/" + caseNumber).json().path("letters").findValuesAsText("kind"))
                .containsExactly("NOTICE_OF_ASSIGNMENT");
    }

    private Document page(long task, String username, String role) throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/tasks/" + task).with(as(username, role)))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private MockHttpServletResponse preview(long task, String username, String role) throws Exception {
        return mvc.perform(get("/tasks/" + task + "/letter-preview.pdf").with(as(username, role))).andReturn().getResponse();
    }

    private static void assertProblem(ImrClient.Response response, int status) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.json().path("detail").asText()).isNotBlank();
    }

    private long letterRows(String caseNumber) {
        return jdbc.sql("select count(*) from letter where case_id = (select id from imr_case where case_number = :n)")
                .param("n", caseNumber).query(Long.class).single();
    }

    private static List<JsonNode> audited(JsonNode file, String action) {
        List<JsonNode> entries = new ArrayList<>();
        file.path("history").forEach(entry -> {
            if (entry.path("action").asText().equals(action)) {
                entries.add(entry);
            }
        });
        return entries;
    }

    private static RequestPostProcessor as(String username, String role) {
        return user(username).roles(role);
    }

    private static Map<String, Object> review(long psychologyItemId, long physicalTherapyItemId) {
        return Map.of("clinicalCaseSummary", Applications.SEED_001_SUMMARY,
                "items", List.of(
                        Map.of("itemId", psychologyItemId, "decision", "UPHELD", "guidelineBasis", "NON_MTUS",
                                "nonMtusCitation", ODG, "mtusInapplicableReason", "CONDITION_NOT_ADDRESSED",
                                "decisionRationale", PSYCHOLOGY_RATIONALE),
                        Map.of("itemId", physicalTherapyItemId, "decision", "OVERTURNED", "guidelineBasis", "MTUS",
                                "mtusCitation", "Chronic Pain Treatment Guidelines Physical Therapy Page(s): 98-99",
                                "decisionRationale", THERAPY_RATIONALE)));
    }
}
