package org.imrflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.imrflow.support.ApplicationIT;
import org.imrflow.support.Applications;
import org.imrflow.support.ImrClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A coordinator in headless Chromium (Debian's chromium and chromium-driver): signs in, claims the task
 * "Assign reviewer" from the inbox and completes its form; the case moves on to the reviewer.
 */
class BrowserIT extends ApplicationIT {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            fail("The browser test needs Debian's chromium and chromium-driver: apt-get install chromium chromium-driver");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (browser != null) {
            Path screenshot = Path.of("target", "browser-it-last-page.png");
            Files.createDirectories(screenshot.getParent());
            Files.write(screenshot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            browser.quit();
        }
    }

    @Test
    void aCoordinatorSignsInClaimsATaskAndCompletesItsForm() {
        ImrClient coordinator = as("coordinator");
        String caseNumber = coordinator.receive(Applications.seed001());
        long taskId = coordinator.awaitTask(caseNumber, "Task_AssignReviewer").get("id").asLong();

        browser.get(url("/tasks"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("coordinator");
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.id("sign-in")).click();

        wait.until(ExpectedConditions.elementToBeClickable(By.id("claim-" + taskId))).click();
        if (!browser.getCurrentUrl().endsWith("/tasks/" + taskId)) {
            browser.get(url("/tasks/" + taskId));
        }
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("task-name"))).getText())
                .isEqualTo("Assign reviewer");
        assertThat(browser.findElement(By.id("case-panel")).getText())
                .as("the case file beside the form").contains(Applications.PSYCHOLOGY);

        browser.findElement(By.id("complete-task")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("task-errors"))).isDisplayed())
                .as("completing without a reviewer is rejected on the page").isTrue();

        Select reviewer = new Select(browser.findElement(By.name("reviewerId")));
        WebElement riley = reviewer.getOptions().stream().filter(o -> o.getText().contains("Riley")).findFirst()
                .orElseThrow();
        reviewer.selectByValue(riley.getDomAttribute("value"));
        browser.findElement(By.id("complete-task")).click();

        wait.until(ExpectedConditions.urlContains("/tasks"));
        assertThat(browser.getPageSource()).contains("Task completed");
        as("reviewer").awaitTask(caseNumber, "Task_AcceptAssignment");
        assertThat(coordinator.get("/api/cases/" + caseNumber).json().path("tasks").get(0).get("completedBy").asText())
                .isEqualTo("coordinator");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
