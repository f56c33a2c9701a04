package org.imrflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.imrflow.support.ApplicationIT;
import org.imrflow.support.HeadlessChromium;
import org.imrflow.support.Applications;
import org.imrflow.support.ImrClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A case from intake to the Final Determination Letter in headless Chromium (Debian's chromium and
 * chromium-driver): the coordinator enters an expedited application, marks its records complete on the case
 * page, finds its determination deadline on the dashboard and assigns the reviewer, the reviewer accepts and
 * reviews, the medical director approves, and the case page offers the letter.
 */
class BrowserIT extends ApplicationIT {


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
    void aCoordinatorAReviewerAndTheMedicalDirectorTakeACaseFromIntakeToTheLetter() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("America/Los_Angeles"));
        browser.get(url("/cases/new"));
        signIn("coordinator");
        select("reviewType", "EXPEDITED");
        setValue("urDecisionDate", today.minusDays(10).toString());
        select("urServiceMethod", "MAIL");
        setValue("dateOfInjury", "2011-05-27");
        type("employeeFirstName", "Dale");
        type("employeeLastName", "Detailer");
        type("claimNumber", "SC-2011-0527");
        type("employerName", "Shine Auto Detailing");
        type("claimsAdministratorName", "Golden Claims Administrators");
        type("requestingPhysicianName", "Dr. Pat Treating");
        type("requestingPhysicianSpecialty", "Physical Medicine & Rehabilitation");
        select("signed", "true");
        select("urDecisionAttached", "true");
        select("conditionalNonCertification", "false");
        type("disputedItems[0].description", Applications.PSYCHOLOGY);
        select("disputedItems[0].treatmentCategory", "BEHAVIORAL_HEALTH");
        select("disputedItems[0].claimsAdministratorBasis", "NO_EVIDENCE");
        type("disputedItems[1].description", Applications.PHYSICAL_THERAPY);
        select("disputedItems[1].treatmentCategory", "PHYSICAL_MEDICINE");
        select("disputedItems[1].claimsAdministratorBasis", "NO_EVIDENCE");
        Path document = Files.writeString(Files.createTempFile("ur-decision", ".txt"), "UR decision: non-certified.");
        browser.findElement(By.id("documents")).sendKeys(document.toAbsolutePath().toString());
        click(By.id("submit-application"));

        wait.until(ExpectedConditions.urlMatches("/cases/CM\\d{2}-\\d{7}$"));
        String caseNumber = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
        ImrClient coordinator = as("coordinator");

        // the case waits at the records stage until a coordinator marks the record set complete
        coordinator.awaitStage(caseNumber, "RECORDS");
        browser.get(url("/cases/" + caseNumber));
        click(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mark-records-complete"))));
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("flash-message"))).getText())
                .contains("record set is marked complete");
        assertThat(browser.findElement(By.id("records-complete")).getText()).contains("marked by coordinator");
        assertThat(browser.findElements(By.id("mark-records-complete"))).isEmpty();
        HeadlessChromium.screenshot(browser, "case-page");

        // an expedited determination is due within 3 days: the dashboard lists it, and draws its charts
        browser.get(url("/"));
        WebElement due = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#due-soon tr[data-case='" + caseNumber + "'][data-clock='DETERMINATION_FROM_ASSIGNMENT']")));
        assertThat(due.getText()).contains("T10 Determination, counted from assignment", "left");
        assertThat((Boolean) ((JavascriptExecutor) browser).executeScript(
                "return typeof Chart !== 'undefined' && !!Chart.getChart('chart-by-stage')"
                        + " && !!Chart.getChart('chart-by-determination');"))
                .as("Chart.js drew both charts under the Content-Security-Policy").isTrue();
        HeadlessChromium.screenshot(browser, "dashboard");

        long taskId = coordinator.awaitTask(caseNumber, "Task_AssignReviewer").get("id").asLong();
        browser.get(url("/tasks"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("claim-" + taskId))).click();
        openTask(taskId);
        assertThat(browser.findElement(By.id("case-panel")).getText())
                .as("the case's records beside the form").contains(Applications.PSYCHOLOGY, "ur-decision");
        click(By.id("complete-task"));
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("task-errors"))).isDisplayed())
                .as("completing without a reviewer is rejected on the page").isTrue();
        Select reviewer = new Select(browser.findElement(By.name("reviewerId")));
        WebElement riley = reviewer.getOptions().stream().filter(o -> o.getText().contains("Riley")).findFirst()
                .orElseThrow();
        reviewer.selectByValue(riley.getDomAttribute("value"));
        complete();
        signOut();

        browser.get(url("/tasks"));
        signIn("reviewer");
        openTask(as("reviewer").awaitTask(caseNumber, "Task_AcceptAssignment").get("id").asLong());
        radio("assignmentResponse", "ACCEPT");
        click(By.name("noConflictAttested"));
        complete();

        openTask(as("reviewer").awaitTask(caseNumber, "Task_ReviewCase").get("id").asLong());
        type("clinicalCaseSummary", Applications.SEED_001_SUMMARY);
        radio("items[0].decision", "UPHELD");
        radio("items[0].guidelineBasis", "MTUS");
        type("items[0].mtusCitation", "Chronic Pain Treatment Guidelines Page(s): 23");
        type("items[0].decisionRationale", "Six psychotherapy sessions exceed the initial trial of 3-4 visits.");
        radio("items[1].decision", "OVERTURNED");
        radio("items[1].guidelineBasis", "MTUS");
        type("items[1].mtusCitation", "Chronic Pain Treatment Guidelines Physical Therapy Page(s): 98-99");
        type("items[1].decisionRationale", "Six visits are within 9-10 visits over 8 weeks; medically necessary.");
        complete();
        signOut();

        browser.get(url("/tasks"));
        signIn("director");
        long qualityReview = as("director").awaitTask(caseNumber, "Task_QualityReview").get("id").asLong();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("claim-" + qualityReview))).click();
        openTask(qualityReview);
        radio("qaDecision", "APPROVE");
        complete();

        coordinator.awaitStage(caseNumber, "DECIDED");
        browser.get(url("/cases/" + caseNumber));
        WebElement pdf = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[href$='.pdf']")));
        assertThat(pdf.getDomAttribute("href")).startsWith("/cases/" + caseNumber + "/letters/");
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("Final Determination Letter", "Upheld", "Overturned");
        signOut();

        // a coordinator sees the delivery log, records a receipt, reads the public copy and releases it
        browser.get(url("/cases/" + caseNumber));
        signIn("coordinator");
        browser.get(url("/cases/" + caseNumber));
        WebElement receipt = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[id^='record-receipt-']")));
        String deliveryId = receipt.getDomAttribute("id").substring("record-receipt-".length());
        assertThat(browser.findElement(By.id("delivery-" + deliveryId)).getText()).contains("Dale Detailer", "mailed on");
        setValue("receivedOn", today.toString());
        click(receipt);
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("flash-message"))).getText())
                .contains("receipt is recorded");
        assertThat(browser.findElement(By.id("delivery-" + deliveryId)).getText()).contains("received");
        for (int i = 0; i < 40 && browser.findElements(By.id("release-public-copy")).isEmpty(); i++) {
            Thread.sleep(250);
            browser.navigate().refresh();
        }
        HeadlessChromium.screenshot(browser, "public-copy");
        click(By.id("release-public-copy"));
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("public-copy-status"))).getText())
                .contains("Released");
        signOut();

        // anyone finds it among the published decisions, without the parties' names
        browser.get(url("/decisions?caseNumber=" + caseNumber));
        click(wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText(caseNumber))));
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("decision-text"))).getText())
                .contains("IMR ISSUES, DECISIONS AND RATIONALES").doesNotContain("Detailer", "Pat Treating");
        HeadlessChromium.screenshot(browser, "published-decision");
    }

    /**
     * The administrator builds a reviewer in the browser, from the user to the credentials, and the panel's
     * screening offers them a case that fits: the panel is built without the API.
     */
    @Test
    void anAdministratorAddsAReviewerInTheBrowserWhoIsThenOfferedAFittingCase() throws Exception {
        browser.get(url("/admin/users/new"));
        signIn("admin");
        type("username", "oortho");
        type("fullName", "Dr. Olivia Ortho");
        click(By.cssSelector("input[name='roles'][value='REVIEWER']"));
        type("password", "knee-and-shoulder-2026");
        type("passwordRepeated", "knee-and-shoulder-2026");
        click(By.id("create-user"));
        wait.until(ExpectedConditions.urlMatches("/admin/users$"));

        browser.get(url("/admin/reviewers/new"));
        type("username", "oortho");
        type("displayName", "Dr. Olivia Ortho");
        type("yearsInPractice", "15");
        type("hoursPerWeek", "32");
        type("capacity", "6");
        select("licenses[0].state", "California");
        type("licenses[0].number", "G 140233");
        select("licenses[0].status", "ACTIVE");
        setValue("licenses[0].expires", Applications.today().plusYears(2).toString());
        type("specialties[0]", "Orthopaedic Surgery");
        click(By.id("add-specialty"));
        type("specialties[1]", "Sports Medicine");
        HeadlessChromium.screenshot(browser, "reviewer-form");
        click(By.id("save-reviewer"));
        wait.until(ExpectedConditions.urlMatches("/admin/reviewers/\\d+$"));
        browser.get(url("/admin/reviewers"));
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//tr[td[contains(., 'Dr. Olivia Ortho')]]")));
        assertThat(row.getText()).contains("Orthopedic Surgery, Sports Medicine", "California", "available");
        HeadlessChromium.screenshot(browser, "reviewer-panel");
        signOut();

        ImrClient coordinator = new ImrClient(url(""), "coordinator", "demo");
        Map<String, Object> application = new HashMap<>(Applications.seed001());
        application.put("disputedItems", List.of(Applications.item("Right knee arthroscopy", "SURGERY")));
        String caseNumber = coordinator.receiveForReview(application);
        coordinator.assignReviewer(caseNumber, "Olivia Ortho");
        ImrClient reviewer = new ImrClient(url(""), "oortho", "knee-and-shoulder-2026");
        reviewer.acceptAssignment(caseNumber);
        reviewer.awaitTask(caseNumber, "Task_ReviewCase");
    }

    private void signIn(String username) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-out")));
    }

    private void signOut() {
        browser.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in")));
    }

    private void openTask(long taskId) {
        browser.get(url("/tasks/" + taskId));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("complete-task")));
    }

    private void complete() {
        click(By.id("complete-task"));
        wait.until(ExpectedConditions.urlMatches("/tasks$"));
        assertThat(browser.getPageSource()).contains("Task completed");
    }

    /** Clicks an element after scrolling it to the middle of the window at once (Bootstrap scrolls smoothly). */
    private void click(By locator) {
        click(browser.findElement(locator));
    }

    private void click(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
    }

    private void type(String name, String text) {
        WebElement field = browser.findElement(By.name(name));
        field.clear();
        field.sendKeys(text);
    }

    /** Date inputs take their value in the browser's locale when typed; set the ISO value directly. */
    private void setValue(String name, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];",
                browser.findElement(By.name(name)), value);
    }

    private void select(String name, String value) {
        new Select(browser.findElement(By.name(name))).selectByValue(value);
    }

    private void radio(String name, String value) {
        click(By.cssSelector("input[name='" + name + "'][value='" + value + "']"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
