package org.imrflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imrflow.support.Applications.PHYSICAL_THERAPY;
import static org.imrflow.support.Applications.PSYCHOLOGY;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.imrflow.intake.CaseFiles;
import org.imrflow.support.ApplicationIT;
import org.imrflow.support.HeadlessChromium;
import org.imrflow.support.Applications;
import org.imrflow.support.ImrClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A case's path on its process diagram, drawn by bpmn-js in headless Chromium from the steps recorded in PostgreSQL:
 * a decided case, a case the medical director returned to the reviewer, a case whose automated step failed (an
 * incident, then retried); the process map's counts of open cases per step; and who may read the path.
 */
class ProcessPathBrowserIT extends ApplicationIT {

    private static final String UNREACHABLE_EMPLOYER = "Path Registry Outage Employer";


    @Autowired
    CaseFiles caseFiles;

    private final AtomicBoolean registryDown = new AtomicBoolean(true);
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.start();
        wait = HeadlessChromium.waitOn(browser);
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (browser != null) {
            HeadlessChromium.screenshot(browser, "last-page");
            browser.quit();
        }
    }

    @Test
    void aDecidedCaseShowsEveryStepFromTheApplicationToTheLetter() throws Exception {
        ImrClient coordinator = as("coordinator");
        String caseNumber = coordinator.receiveForReview(Applications.seed001());
        coordinator.assignReviewer(caseNumber, "Riley");
        ImrClient reviewer = as("reviewer");
        reviewer.acceptAssignment(caseNumber);
        reviewer.workOk(caseNumber, "Task_ReviewCase", review(coordinator, caseNumber));
        as("director").workOk(caseNumber, "Task_QualityReview", Map.of("qaDecision", "APPROVE"));
        coordinator.awaitStage(caseNumber, "DECIDED");

        JsonNode path = coordinator.get("/api/cases/" + caseNumber + "/path").json();
        assertThat(path.get("processId").asText()).isEqualTo("imr-case");
        assertThat(path.get("ended").asBoolean()).isTrue();
        assertThat(path.get("currentElements")).isEmpty();
        assertThat(recorded(path)).containsExactly("Task_ScreenEligibility", "Task_SendNoticeOfAssignment",
                "Task_AwaitRecords", "Task_RankReviewers", "Task_AssignReviewer", "Task_AcceptAssignment",
                "Task_ReviewCase", "Task_CheckGuidelines", "Task_QualityReview", "Task_IssueDetermination");
        assertThat(step(path, "Task_ScreenEligibility").get("leftBy").asText()).isEqualTo("system");
        assertThat(step(path, "Task_AwaitRecords").get("how").asText()).isEqualTo("MESSAGE");
        assertThat(step(path, "Task_AwaitRecords").get("leftBy").asText()).isEqualTo("coordinator");
        assertThat(step(path, "Task_ReviewCase").get("leftBy").asText()).isEqualTo("reviewer");
        assertThat(step(path, "Task_QualityReview").get("leftBy").asText()).isEqualTo("director");
        assertThat(step(path, "Task_QualityReview").get("enteredAt").asText()).isNotBlank();
        assertThat(path.get("takenFlows").toString()).contains("Flow_Start", "Flow_Eligible", "Flow_Accepted",
                "Flow_Approved", "Flow_DecisionApproved", "Flow_LetterIssued").doesNotContain("Flow_ReturnedByQa");
        // auditors may not know who reviewed the case
        JsonNode audited = as("auditor").get("/api/cases/" + caseNumber + "/path").json();
        assertThat(step(audited, "Task_ReviewCase").get("leftBy").asText()).isNotEqualTo("reviewer");
        assertThat(audited.toString()).doesNotContain("\"reviewer\"", "Riley");

        openCase("auditor", caseNumber);
        assertMarked("path-passed", "StartEvent_ApplicationReceived", "Task_ScreenEligibility", "Gateway_Eligible",
                "Task_SendNoticeOfAssignment", "Task_AwaitRecords", "Task_RankReviewers", "Gateway_ReviewerFound",
                "Task_AssignReviewer", "Task_AcceptAssignment", "Gateway_Accepted", "StartEvent_ExpertReview",
                "Task_ReviewCase", "EndEvent_DecisionApproved",
                "Task_CheckGuidelines", "Gateway_GuidelinesMet", "Task_QualityReview", "Gateway_Approved",
                "Task_IssueDetermination", "EndEvent_DeterminationIssued");
        assertMarked("path-flow", "Flow_Start", "Flow_Eligible", "Flow_RecordsReceived", "Flow_Accepted",
                "Flow_Approved", "Flow_LetterIssued");
        assertMarked("path-passed-scope", "SubProcess_ExpertReview");
        assertNotMarked("path-passed", "Task_ReviewEligibility", "Task_SendIneligibilityNotice", "Task_FindReviewer",
                "Task_AssignPanel", "Task_CheckRecordSet", "EndEvent_ClosedIneligible");
        assertNotMarked("path-flow", "Flow_ReturnedByQa", "Flow_Ineligible", "Flow_GuidelineFindings");
        assertThat(browser.findElements(By.cssSelector("#process-diagram .path-current"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#process-diagram .path-incident"))).isEmpty();

        // the times and the actor on hover, as the rest of the pages print them
        new Actions(browser).moveToElement(shape("Task_QualityReview")).perform();
        String tip = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".path-tooltip"))).getText();
        assertThat(tip).contains("Quality review", "Entered", "Left", "by director").containsPattern("\\d{2}/\\d{2}/\\d{4} ");
        HeadlessChromium.screenshot(browser, "decided");

        // the steps in words under the diagram, also without JavaScript
        assertThat(browser.findElement(By.id("process-path-steps")).getText())
                .contains("Screen eligibility", "Await medical records", "Quality review",
                        "Issue Final Determination Letter", "completed", "by director");
    }

    @Test
    void aCaseTheMedicalDirectorReturnedStandsAtTheReviewAgain() throws Exception {
        ImrClient coordinator = as("coordinator");
        String caseNumber = coordinator.receiveForReview(Applications.seed001());
        coordinator.assignReviewer(caseNumber, "Riley");
        ImrClient reviewer = as("reviewer");
        reviewer.acceptAssignment(caseNumber);
        reviewer.workOk(caseNumber, "Task_ReviewCase", review(coordinator, caseNumber));
        as("director").workOk(caseNumber, "Task_QualityReview",
                Map.of("qaDecision", "RETURN", "qaComments", "Name the functional improvement documented."));
        reviewer.awaitTask(caseNumber, "Task_ReviewCase");

        JsonNode path = coordinator.get("/api/cases/" + caseNumber + "/path").json();
        assertThat(path.get("currentElements").toString()).isEqualTo("[\"Task_ReviewCase\"]");
        assertThat(recorded(path)).containsExactly("Task_ScreenEligibility", "Task_SendNoticeOfAssignment",
                "Task_AwaitRecords", "Task_RankReviewers", "Task_AssignReviewer", "Task_AcceptAssignment",
                "Task_ReviewCase", "Task_CheckGuidelines", "Task_QualityReview", "Task_ReviewCase");

        openCase("auditor", caseNumber);
        assertMarked("path-current", "Task_ReviewCase");
        assertMarked("path-passed", "Task_ReviewCase", "Task_CheckGuidelines", "Gateway_GuidelinesMet",
                "Task_QualityReview", "Gateway_Approved");
        assertMarked("path-flow", "Flow_ReviewStarted", "Flow_Reviewed", "Flow_GuidelinesMet", "Flow_QualityReviewed",
                "Flow_ReturnedByQa");
        assertNotMarked("path-passed", "Task_IssueDetermination", "EndEvent_DecisionApproved",
                "EndEvent_DeterminationIssued");
        assertNotMarked("path-flow", "Flow_Approved", "Flow_DecisionApproved", "Flow_GuidelineFindings");
        assertThat(browser.findElements(By.cssSelector("#process-diagram .path-current"))).hasSize(1);
        HeadlessChromium.screenshot(browser, "returned");

        List<WebElement> steps = browser.findElements(By.cssSelector("#process-path-steps li"));
        WebElement last = steps.getLast();
        assertThat(last.getDomAttribute("data-element-id")).isEqualTo("Task_ReviewCase");
        assertThat(last.getDomAttribute("data-status")).isEqualTo("CURRENT");
        assertThat(last.getText()).contains("Review case", "where the case is now");
        assertThat(browser.findElement(By.id("process-path-steps")).getText()).contains("Quality review", "Approved?");
    }

    @Test
    void aFailedStepIsRedOnThePathUntilItIsRetried() throws Exception {
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

        JsonNode path = coordinator.get("/api/cases/" + caseNumber + "/path").json();
        assertThat(path.get("currentElements").toString()).isEqualTo("[\"Task_RankReviewers\"]");
        assertThat(path.get("incidents").get(0).get("elementId").asText()).isEqualTo("Task_RankReviewers");
        assertThat(path.get("incidents").get(0).get("open").asBoolean()).isTrue();
        assertThat(path.get("incidents").get(0).get("message").asText()).contains("reviewer registry unavailable");

        openCase("coordinator", caseNumber);
        assertMarked("path-incident", "Task_RankReviewers");
        assertMarked("path-current", "Task_RankReviewers");
        assertMarked("path-passed", "Task_SendNoticeOfAssignment", "Task_AwaitRecords");
        assertMarked("path-flow", "Flow_NoticeOfAssignmentSent", "Flow_RecordsReceived");
        assertNotMarked("path-passed", "Task_AssignReviewer", "Task_CheckRecordSet");
        assertThat(browser.findElement(By.id("process-path-incidents")).getText())
                .contains("Rank reviewers", "reviewer registry unavailable", "open");
        new Actions(browser).moveToElement(shape("Task_RankReviewers")).perform();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".path-tooltip"))).getText())
                .contains("The case is here", "Incident", "reviewer registry unavailable");
        HeadlessChromium.screenshot(browser, "incident");

        registryDown.set(false);
        assertThat(coordinator.post("/api/cases/" + caseNumber + "/incidents/" + incident.get("id").asText() + "/retry",
                Map.of()).status()).isEqualTo(204);
        coordinator.awaitTask(caseNumber, "Task_AssignReviewer");
        JsonNode retried = coordinator.get("/api/cases/" + caseNumber + "/path").json();
        assertThat(recorded(retried)).as("the retried step is one visit")
                .containsExactly("Task_ScreenEligibility", "Task_SendNoticeOfAssignment", "Task_AwaitRecords",
                        "Task_RankReviewers", "Task_AssignReviewer");
        openCase(null, caseNumber);
        assertMarked("path-current", "Task_AssignReviewer");
        assertMarked("path-passed", "Task_RankReviewers");
        assertMarked("path-incident-resolved", "Task_RankReviewers");
        assertNotMarked("path-incident", "Task_RankReviewers");
    }

    @Test
    void theProcessMapCountsTheOpenCasesAtEachStepForStaffOnly() throws Exception {
        ImrClient coordinator = as("coordinator");
        long waitingBefore = openCasesAt(coordinator, "Task_AwaitRecords");
        List<String> waiting = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String caseNumber = coordinator.receive(Applications.seed001());
            coordinator.awaitStage(caseNumber, "RECORDS");
            waiting.add(caseNumber);
        }
        long waitingNow = openCasesAt(coordinator, "Task_AwaitRecords");
        assertThat(waitingNow).isEqualTo(waitingBefore + 2);

        browser.get(url("/process-map"));
        signIn("director");
        wait.until(ExpectedConditions.attributeToBe(By.id("process-diagram"), "data-diagram-ready", "true"));
        HeadlessChromium.screenshot(browser, "process-map");
        WebElement badge = browser.findElement(By.cssSelector(".path-count[data-element-id='Task_AwaitRecords']"));
        assertThat(badge.getDomProperty("textContent")).isEqualTo(String.valueOf(waitingNow));
        assertThat(classesOf("Task_AwaitRecords")).anyMatch(c -> c.startsWith("heat-"));
        assertThat(browser.findElement(By.cssSelector("#process-map-counts tr[data-element-id='Task_AwaitRecords']"))
                .getText()).contains("Await medical records", String.valueOf(waitingNow));
        JsonNode map = coordinator.get("/api/process-map").json();
        for (JsonNode row : map.get("rows")) {
            // the badge's text, also where the diagram's element lies outside the part of the diagram in view
            assertThat(browser.findElement(By.cssSelector(".path-count[data-element-id='" + row.get("elementId").asText()
                    + "']")).getDomProperty("textContent")).as(row.toString()).isEqualTo(row.get("openCases").asText());
        }
        assertThat(browser.findElements(By.id("nav-process-map"))).hasSize(1);
        HeadlessChromium.screenshot(browser, "process-map");
        signOut();

        // reviewers see neither the map nor its link
        browser.get(url("/process-map"));
        signIn("reviewer");
        browser.get(url("/process-map"));
        assertThat(browser.findElements(By.id("process-diagram"))).isEmpty();
        assertThat(browser.findElements(By.id("nav-process-map"))).isEmpty();
        assertThat(as("reviewer").get("/api/process-map").status()).isEqualTo(403);
        assertThat(as("reviewer").get("/process-map").status()).isEqualTo(403);
        assertThat(as("auditor").get("/api/process-map").status()).isEqualTo(200);
    }

    @Test
    void thePathIsReadOnlyByWhoMaySeeTheCase() {
        ImrClient coordinator = as("coordinator");
        String caseNumber = coordinator.receiveForReview(Applications.seed001());
        coordinator.assignReviewer(caseNumber, "Riley");
        String path = "/api/cases/" + caseNumber + "/path";
        as("reviewer").awaitTask(caseNumber, "Task_AcceptAssignment");

        assertThat(as("reviewer").get(path).status()).as("the reviewer offered the case").isEqualTo(200);
        ImrClient.Response stranger = as("reviewer2").get(path);
        assertThat(stranger.status()).as("a reviewer not assigned, as on the case page").isEqualTo(404);
        assertThat(stranger.body()).doesNotContain("Task_");
        assertThat(as("reviewer2").get("/api/cases/" + caseNumber).status()).isEqualTo(404);
        assertThat(as("auditor").get(path).status()).isEqualTo(200);
        assertThat(ImrClient.anonymous(url("")).get(path).status()).isEqualTo(401);

        ImrClient.Response unknown = coordinator.get("/api/cases/CM99-9999999/path");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asText()).contains("No case CM99-9999999");
        assertThat(coordinator.get("/api/cases/" + "x".repeat(300) + "/path").status()).isBetween(400, 499);
        assertThat(coordinator.get("/api/cases/%20%27--/path").status()).isBetween(400, 499);

        // the model the diagrams draw: for signed-in users only
        ImrClient.Response model = as("auditor").get("/process-models/imr-case.bpmn");
        assertThat(model.status()).isEqualTo(200);
        assertThat(model.body()).contains("<bpmn:process id=\"imr-case\"");
        assertThat(as("auditor").get("/process-models/no-such-process.bpmn").status()).isEqualTo(404);
        assertThat(ImrClient.anonymous(url("")).get("/process-models/imr-case.bpmn").body())
                .doesNotContain("bpmn:definitions");
    }

    private static Map<String, Object> review(ImrClient coordinator, String caseNumber) {
        return Applications.seed001Review(coordinator.itemId(caseNumber, PSYCHOLOGY),
                coordinator.itemId(caseNumber, PHYSICAL_THERAPY));
    }

    /** The elements the case was recorded at, in order (not those inferred from the model). */
    private static List<String> recorded(JsonNode path) {
        List<String> elements = new ArrayList<>();
        for (JsonNode step : path.get("steps")) {
            if (!"INFERRED".equals(step.get("status").asText())) {
                elements.add(step.get("elementId").asText());
            }
        }
        return elements;
    }

    private static JsonNode step(JsonNode path, String elementId) {
        for (JsonNode step : path.get("steps")) {
            if (step.get("elementId").asText().equals(elementId)) {
                return step;
            }
        }
        throw new AssertionError("No step " + elementId + " in " + path);
    }

    private static long openCasesAt(ImrClient client, String elementId) {
        for (JsonNode row : client.get("/api/process-map").json().get("rows")) {
            if (row.get("elementId").asText().equals(elementId)) {
                return row.get("openCases").asLong();
            }
        }
        return 0;
    }


    /** Opens the case page, signing in as {@code username} unless already signed in, and waits for the diagram. */
    private void openCase(String username, String caseNumber) {
        browser.get(url("/cases/" + caseNumber));
        if (username != null) {
            if (!browser.findElements(By.id("sign-out")).isEmpty()) {
                signOut();
                browser.get(url("/cases/" + caseNumber));
            }
            signIn(username);
            browser.get(url("/cases/" + caseNumber));
        }
        WebElement diagram = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("process-diagram")));
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", diagram);
        wait.until(d -> "true".equals(diagram.getDomAttribute("data-diagram-ready"))
                || diagram.getDomAttribute("data-diagram-error") != null);
        assertThat(diagram.getDomAttribute("data-diagram-error")).as("bpmn-js drew the diagram").isNull();
    }

    private WebElement shape(String elementId) {
        return browser.findElement(By.cssSelector("#process-diagram .djs-element[data-element-id='" + elementId + "']"));
    }

    private List<String> classesOf(String elementId) {
        return List.of(shape(elementId).getDomAttribute("class").split("\\s+"));
    }

    private void assertMarked(String marker, String... elementIds) {
        for (String elementId : elementIds) {
            assertThat(classesOf(elementId)).as(elementId + " is marked " + marker).contains(marker);
        }
    }

    private void assertNotMarked(String marker, String... elementIds) {
        for (String elementId : elementIds) {
            assertThat(classesOf(elementId)).as(elementId + " is not marked " + marker).doesNotContain(marker);
        }
    }

    private void signIn(String username) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-out")));
    }

    private void signOut() {
        WebElement button = browser.findElement(By.id("sign-out"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", button);
        button.click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in")));
    }

    private void screenshot(String name) throws Exception {
        Path screenshot = Path.of("target", "process-path-it-" + name + ".png");
        Files.createDirectories(screenshot.getParent());
        Files.write(screenshot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
