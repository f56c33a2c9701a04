package org.imrflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.imrflow.support.ApplicationIT;
import org.imrflow.support.Applications;
import org.imrflow.support.ImrClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The web pages with Spring Security's test support, on the real application and database: each role allowed
 * and denied, the application form's errors per field, an application with a document received, the dashboard's
 * deadlines and charts, the case list by clock, the case page's clock timeline and records, and the coordinator's
 * actions on the case page. All tests share one application: each asserts on its own cases.
 */
class WebPagesIT extends ApplicationIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void signingInIsRequiredForEveryPage() throws Exception {
        mvc.perform(get("/cases").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(get("/cases")).andExpect(status().isUnauthorized()); // a client that is not a browser
        mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(content().string(containsString("sign-in")));
    }

    @Test
    void thePublishedDecisionsAreOpenToAnyoneAndNothingElseIs() throws Exception {
        Document decisions = page(get("/decisions"));
        assertThat(decisions.select("#decision-search [name=caseNumber]")).hasSize(1);
        assertThat(decisions.select("#decision-search [name=category] option")).hasSizeGreaterThan(5);
        assertThat(decisions.select("#nav-decisions")).hasSize(1);
        Document backwards = page(get("/decisions").param("decidedFrom", "2026-02-01").param("decidedTo", "2026-01-01"));
        assertThat(backwards.select("#search-errors").text()).contains("cannot be before");
        mvc.perform(get("/decisions/CM26-9999999").accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
        mvc.perform(get("/decisions/CM26-9999999.pdf")).andExpect(status().isNotFound());
        mvc.perform(post("/cases/CM26-9999999/public-copy/release").with(csrf()).accept(MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("**/login"));
    }

    @Test
    void onlyCoordinatorsEnterApplications() throws Exception {
        Document form = page(get("/cases/new").with(as("coordinator", "COORDINATOR")));
        assertThat(form.select("[name=employeeFirstName]")).as("each field once").hasSize(1);
        assertThat(form.select("input[type=file]")).hasSize(1);
        mvc.perform(get("/cases/new").with(as("reviewer", "REVIEWER"))).andExpect(status().isForbidden());
        mvc.perform(application().with(as("auditor", "AUDITOR")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(application().with(as("coordinator", "COORDINATOR")))
                .andExpect(status().isForbidden()); // no CSRF token
    }

    @Test
    void aBadApplicationShowsEachErrorAndStoresNothing() throws Exception {
        long before = cases();
        LocalDate ur = LocalDate.now().minusDays(10);
        mvc.perform(application(Map.of("employeeFirstName", "", "disputedItems[0].quantity", "abc"))
                        .with(as("coordinator", "COORDINATOR")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Required.")))
                .andExpect(content().string(containsString("Enter a number.")))
                .andExpect(content().string(not(containsString("Exception"))));
        mvc.perform(application(Map.of("dateOfInjury", ur.plusDays(1).toString()))
                        .with(as("coordinator", "COORDINATOR")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Date of injury cannot be after the UR decision date.")));
        mvc.perform(application(Map.of("representativeAddress.street", "100 Main Street",
                        "employeeAddress.street", "1200 J Street", "employeeAddress.city", "Sacramento",
                        "employeeAddress.state", "California", "employeeAddress.zip", "95814"))
                        .with(as("coordinator", "COORDINATOR")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Use the two-letter state code, such as CA.")))
                .andExpect(content().string(containsString("id=\"employeeAddress-state-error\"")))
                .andExpect(content().string(containsString("id=\"representativeName-error\"")));
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void anApplicationWithAddressesAndARepresentativeShowsWhereTheNoticesGo() throws Exception {
        String location = mvc.perform(application(Map.of("representativeName", "Lee Advocate, Esq.",
                        "representativeAddress.street", "100 Main Street", "representativeAddress.city", "Sacramento",
                        "representativeAddress.state", "ca", "representativeAddress.zip", "95814"))
                        .with(as("coordinator", "COORDINATOR")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location).with(as("coordinator", "COORDINATOR"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Lee Advocate, Esq.")))
                .andExpect(content().string(containsString("100 Main Street, Sacramento, CA 95814")));
    }

    @Test
    void anApplicationWithADocumentIsReceivedAndItsCaseShownOnlyToStaff() throws Exception {
        String location = mvc.perform(application()
                        .file(new MockMultipartFile("documents", "ur-decision.txt", "text/plain",
                                "UR decision: non-certified.".getBytes(StandardCharsets.UTF_8)))
                        .with(as("coordinator", "COORDINATOR")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/cases/CM\\d{2}-\\d{7}");

        mvc.perform(get(location).with(as("auditor", "AUDITOR"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("ur-decision.txt")))
                .andExpect(content().string(containsString(Applications.PSYCHOLOGY)));
        mvc.perform(get(location).with(as("reviewer", "REVIEWER"))).andExpect(status().isNotFound());
        // searched by its number (the search box shows it again; the link to the case is the hit): a search by name
        // finds every other test's cases of the same application too, more than a page of them
        String caseNumber = location.substring(7);
        mvc.perform(get("/cases").param("q", caseNumber).with(as("reviewer", "REVIEWER")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("href=\"" + location + "\""))));
        mvc.perform(get("/cases").param("q", caseNumber).with(as("director", "MEDICAL_DIRECTOR")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("href=\"" + location + "\"")));
        long documentId = jdbc.sql("select max(id) from case_document").query(Long.class).single();
        mvc.perform(get(location + "/documents/" + documentId).with(as("auditor", "AUDITOR")))
                .andExpect(status().isOk()).andExpect(content().string("UR decision: non-certified."));
        mvc.perform(get(location + "/documents/" + documentId).with(as("reviewer", "REVIEWER")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theDashboardShowsCoordinatorsWhatIsOverdueAndDueAndChartsTheOpenCases() throws Exception {
        Scene scene = scene();
        Document page = page(get("/").with(as("coordinator", "COORDINATOR")));

        Element overdue = page.selectFirst("#overdue tr[data-case=" + scene.overdue + "][data-clock=DETERMINATION_FROM_ASSIGNMENT]");
        assertThat(overdue).as("the taken-over case's determination in the overdue list").isNotNull();
        assertThat(overdue.text()).contains("T10 Determination, counted from assignment", "Medical records",
                "business days overdue");
        assertThat(page.selectFirst("#due-today tr[data-case=" + scene.dueToday + "][data-clock=RECORDS]").text())
                .contains("T5 Medical records received", "due today");
        assertThat(page.selectFirst("#due-soon tr[data-case=" + scene.expedited + "][data-clock=RECORDS]"))
                .as("the expedited case's records, due in 24 hours").isNotNull();
        assertThat(page.select("#overdue tr[data-case=" + scene.plain + "], #due-today tr[data-case=" + scene.plain
                + "], #due-soon tr[data-case=" + scene.plain + "]")).as("records due in 15 days").isEmpty();
        assertThat(page.selectFirst("#overdue a[href=/cases/" + scene.overdue + "]")).isNotNull();

        Elements recordsCounts = page.select("#deadlines-by-clock tr[data-clock=RECORDS] td");
        assertThat(Integer.parseInt(recordsCounts.get(1).text())).as("records overdue").isPositive();
        assertThat(Integer.parseInt(recordsCounts.get(2).text())).as("records due today").isPositive();
        assertThat(Integer.parseInt(page.select("#deadlines-by-stage tr[data-stage=RECORDS] td").get(1).text()))
                .isPositive();

        JsonNode charts = new ObjectMapper().readTree(page.getElementById("chart-data").data());
        assertThat(charts.path("byStage").path("labels").toString()).contains("Medical records");
        assertThat(charts.path("byDetermination").path("labels").get(0).asText()).isEqualTo("Overdue");
        assertThat(charts.path("byDetermination").path("counts").get(0).asInt()).as("cases overdue").isPositive();
        assertThat(charts.path("byDetermination").path("labels").get(6).asText()).isEqualTo("No determination clock yet");
        assertThat(page.select("script[src]").eachAttr("src")).contains("/js/dashboard-charts.js")
                .anyMatch(src -> src.matches("/webjars/chart\\.js/[0-9.]+/dist/chart\\.umd\\.js"));
        assertThat(page.select("script:not([src])")).as("no inline script code under the CSP")
                .allMatch(script -> script.attr("type").equals("application/json"));
        mvc.perform(get("/webjars/chart.js/dist/chart.umd.js")).andExpect(status().isOk());
        mvc.perform(get("/js/dashboard-charts.js").with(as("coordinator", "COORDINATOR"))).andExpect(status().isOk());

        Document reviewers = page(get("/").with(as("reviewer", "REVIEWER")));
        assertThat(reviewers.select("#overdue, #due-today, #due-soon, #chart-data, #deadline-summary")).isEmpty();
        assertThat(reviewers.select("#open-cases")).isNotEmpty();
        assertThat(reviewers.text()).doesNotContain(scene.overdue);
    }

    @Test
    void theCaseListFiltersByWhereAClocksDeadlineStandsAndSortsByAnyClock() throws Exception {
        Scene scene = scene();
        assertThat(listed("due", "OVERDUE")).contains(scene.overdue)
                .doesNotContain(scene.dueToday, scene.expedited, scene.plain);
        assertThat(listed("due", "DUE_TODAY")).contains(scene.dueToday)
                .doesNotContain(scene.overdue, scene.expedited, scene.plain);
        assertThat(listed("due", "DUE_SOON")).contains(scene.dueToday, scene.expedited)
                .doesNotContain(scene.overdue, scene.plain);
        assertThat(listed("due", "OVERDUE", "clock", "DETERMINATION_FROM_ASSIGNMENT")).containsExactly(scene.overdue);
        assertThat(listed("due", "NONE", "clock", "DETERMINATION_FROM_RECORDS"))
                .contains(scene.overdue, scene.dueToday, scene.plain);
        assertThat(listed("stage", "RECORDS", "due", "OPEN")).contains(scene.overdue, scene.plain);

        assertThat(listed("sort", "RECORDS")).as("by the records due date, soonest first")
                .containsSubsequence(scene.overdue, scene.dueToday, scene.expedited, scene.plain);
        assertThat(listed("sort", "DETERMINATION_FROM_ASSIGNMENT"))
                .containsSubsequence(scene.overdue, scene.expedited, scene.plain);
        assertThat(listed("sort", "CASE_NUMBER"))
                .isSortedAccordingTo(String::compareTo);

        Document page = page(get("/cases").param("q", Scene.LAST_NAME).param("sort", "RECORDS")
                .with(as("coordinator", "COORDINATOR")));
        assertThat(page.selectFirst("tr[data-case=" + scene.overdue + "] .badge.text-bg-danger").text())
                .isEqualTo("overdue");
        assertThat(page.selectFirst("tr[data-case=" + scene.plain + "]").text())
                .contains("T5 Medical records received", "business days left");
        assertThat(page.select("#cases th").eachText()).contains("T5 Medical records received due");

        assertThat(page(get("/cases").param("q", Scene.LAST_NAME).with(as("reviewer", "REVIEWER")))
                .select("tr[data-case]")).as("a reviewer sees only their cases").isEmpty();
        mvc.perform(get("/cases").param("due", "SOMETIME").with(as("coordinator", "COORDINATOR")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theCasePageShowsEachClockWithItsLogAndTheRecordsStage() throws Exception {
        Scene scene = scene();
        awaitFile(scene.overdue, file -> file.path("records").hasNonNull("heldAt")
                && clockOf(file, "DETERMINATION_FROM_ASSIGNMENT").path("status").asText().equals("MISSED"));
        Document page = page(get("/cases/" + scene.overdue).with(as("auditor", "AUDITOR")));

        Element determination = page.getElementById("clock-DETERMINATION_FROM_ASSIGNMENT");
        assertThat(determination.text()).contains("T10 Determination, counted from assignment",
                "30 days after the assignment", "Case assigned (Notice of Assignment)", "business days overdue");
        assertThat(determination.selectFirst(".clock-status").text()).isEqualTo("missed");
        assertThat(determination.select(".clock-log li").eachAttr("data-event")).contains("STARTED", "MISSED");
        assertThat(page.getElementById("clock-FILING").selectFirst(".clock-status").text()).isEqualTo("met");
        assertThat(page.getElementById("clock-NOTICE_OF_ASSIGNMENT").text()).contains("T4 Notice of Assignment sent");
        assertThat(page.getElementById("records-notice").text()).startsWith("Sent before the case was taken over");
        assertThat(page.getElementById("records-penalty").text()).contains("$5,000 accrued");
        assertThat(page.getElementById("records-held").text()).startsWith("Held since");
        assertThat(page.getElementById("records-complete").text()).isEqualTo("Not complete");
        assertThat(page.select("#actions")).as("an auditor acts on nothing").isEmpty();

        Document plain = page(get("/cases/" + scene.plain).with(as("coordinator", "COORDINATOR")));
        assertThat(plain.getElementById("clock-RECORDS").selectFirst(".clock-status").text()).isEqualTo("running");
        assertThat(plain.getElementById("records-notice").text()).endsWith("by mail");
        assertThat(plain.selectFirst("#documents [data-document]").text())
                .contains("Employee, received", "with the application");
        assertThat(plain.getElementById("determination-due").text()).contains("Determination due", "business days left");
    }

    @Test
    void aCoordinatorAddsADocumentOnTheCasePageAndBadInputShowsTheFieldsErrors() throws Exception {
        String caseNumber = scene().plain;
        MockMultipartFile report = new MockMultipartFile("file", "progress-report.txt", "text/plain",
                "Progress report.".getBytes(StandardCharsets.UTF_8));
        String today = Applications.today().toString();
        long before = documents();

        mvc.perform(documentUpload(caseNumber, report, "REQUESTING_PHYSICIAN", today).with(as("auditor", "AUDITOR")))
                .andExpect(status().isForbidden());
        mvc.perform(documentUpload(caseNumber, report, "REQUESTING_PHYSICIAN", today).with(as("reviewer", "REVIEWER")))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/cases/" + caseNumber + "/documents").file(report).param("source", "EMPLOYEE")
                .param("receivedDate", today).with(as("coordinator", "COORDINATOR"))).andExpect(status().isForbidden());

        Document rejected = page(documentUpload(caseNumber, report, "", Applications.today().plusDays(2).toString())
                .with(as("coordinator", "COORDINATOR")));
        assertThat(rejected.getElementById("source-error").text()).startsWith("Say who sent the document");
        assertThat(rejected.getElementById("receivedDate-error").text()).isEqualTo("Date received cannot be in the future.");
        assertThat(rejected.getElementById("document-errors")).isNotNull();
        Document notAFile = page(documentUpload(caseNumber,
                new MockMultipartFile("file", "tool.exe", "application/octet-stream", new byte[] {77, 90}), "EMPLOYEE", today)
                .with(as("coordinator", "COORDINATOR")));
        assertThat(notAFile.getElementById("file-error").text()).isEqualTo("Document tool.exe must be a PDF or a plain-text file.");
        Document noFile = page(multipart("/cases/" + caseNumber + "/documents").param("source", "EMPLOYEE")
                .param("receivedDate", today).with(as("coordinator", "COORDINATOR")).with(csrf()));
        assertThat(noFile.getElementById("file-error").text()).startsWith("Choose the document");
        assertThat(documents()).isEqualTo(before);

        mvc.perform(documentUpload(caseNumber, report, "REQUESTING_PHYSICIAN", today).with(as("coordinator", "COORDINATOR")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/cases/" + caseNumber))
                .andExpect(flash().attribute("message", "document.added"));
        assertThat(documents()).isEqualTo(before + 1);
        Document page = page(get("/cases/" + caseNumber).with(as("coordinator", "COORDINATOR")));
        assertThat(page.select("#documents li").text()).contains("progress-report.txt",
                "Requesting physician, received " + Applications.today().format(java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy")));
        assertThat(page.select("#document-form")).isNotEmpty();
        assertThat(page(get("/cases/" + caseNumber).with(as("director", "MEDICAL_DIRECTOR"))).select("#document-form"))
                .isEmpty();
    }

    @Test
    void aCoordinatorMarksTheRecordSetCompleteOnce() throws Exception {
        String caseNumber = as("coordinator").receive(Scene.application(Map.of()));
        as("coordinator").awaitStage(caseNumber, "RECORDS");
        String path = "/cases/" + caseNumber + "/records/complete";

        mvc.perform(post(path).with(as("reviewer", "REVIEWER")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post(path).with(as("auditor", "AUDITOR")).with(csrf())).andExpect(status().isForbidden());
        assertThat(page(get("/cases/" + caseNumber).with(as("auditor", "AUDITOR"))).select("#mark-records-complete")).isEmpty();
        assertThat(page(get("/cases/" + caseNumber).with(as("coordinator", "COORDINATOR"))).select("#mark-records-complete"))
                .isNotEmpty();

        mvc.perform(post(path).with(as("coordinator", "COORDINATOR")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "records.markedComplete"));
        assertThat(jdbc.sql("select completed_by from record_request r join imr_case c on c.id = r.case_id"
                + " where c.case_number = :n").param("n", caseNumber).query(String.class).single()).isEqualTo("coordinator");
        mvc.perform(post(path).with(as("coordinator", "COORDINATOR")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("errorText", containsString("already marked complete")));
        Document page = page(get("/cases/" + caseNumber).with(as("coordinator", "COORDINATOR")));
        assertThat(page.select("#mark-records-complete")).isEmpty();
        assertThat(page.getElementById("records-complete").text()).contains("marked by coordinator");
        assertThat(page.getElementById("clock-RECORDS").selectFirst(".clock-status").text()).isEqualTo("met");
        assertThat(page.getElementById("clock-DETERMINATION_FROM_RECORDS").text()).contains("Record set complete");
    }

    @Test
    void aCoordinatorConvertsACaseToExpeditedAndBadInputStoresNothing() throws Exception {
        String caseNumber = as("coordinator").receive(Scene.application(Map.of()));
        as("coordinator").awaitStage(caseNumber, "RECORDS");
        String path = "/cases/" + caseNumber + "/expedite";
        String today = Applications.today().toString();

        mvc.perform(post(path).param("certifyingPhysician", "Dr. Pat Treating").param("certifiedOn", today)
                .with(as("auditor", "AUDITOR")).with(csrf())).andExpect(status().isForbidden());
        assertThat(page(get("/cases/" + caseNumber).with(as("director", "MEDICAL_DIRECTOR"))).select("#expedite-form")).isEmpty();

        Document rejected = page(post(path).param("certifyingPhysician", " ")
                .param("certifiedOn", Applications.today().plusDays(1).toString())
                .with(as("coordinator", "COORDINATOR")).with(csrf()));
        assertThat(rejected.getElementById("certifyingPhysician-error").text()).startsWith("Name the physician");
        assertThat(rejected.getElementById("certifiedOn-error").text())
                .isEqualTo("The certification date cannot be in the future.");
        Document badDate = page(post(path).param("certifyingPhysician", "Dr. Pat Treating").param("certifiedOn", "soon")
                .with(as("coordinator", "COORDINATOR")).with(csrf()));
        assertThat(badDate.getElementById("certifiedOn-error").text()).isEqualTo("Enter a date.");
        assertThat(reviewType(caseNumber)).isEqualTo("STANDARD");

        mvc.perform(post(path).param("certifyingPhysician", "Dr. Pat Treating").param("certifiedOn", today)
                        .with(as("coordinator", "COORDINATOR")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "case.expedited"));
        assertThat(reviewType(caseNumber)).isEqualTo("EXPEDITED");
        Document page = page(get("/cases/" + caseNumber).with(as("coordinator", "COORDINATOR")));
        assertThat(page.select("#expedite-form")).isEmpty();
        assertThat(page.getElementById("clock-RECORDS").select(".clock-log li").eachAttr("data-event")).contains("EXPEDITED");
    }

    @Test
    void coordinatorsAndTheMedicalDirectorRecordAnExtensionOfTheDetermination() throws Exception {
        String caseNumber = as("coordinator").receive(Scene.application(Map.of()));
        as("coordinator").awaitStage(caseNumber, "RECORDS");
        String path = "/cases/" + caseNumber + "/clocks/determination/extension";
        String today = Applications.today().toString();

        // a reviewer does not even see a case not offered to them
        mvc.perform(extension(path, "2", today).with(as("reviewer", "REVIEWER"))).andExpect(status().isNotFound());
        mvc.perform(extension(path, "2", today).with(as("auditor", "AUDITOR"))).andExpect(status().isForbidden());
        assertThat(page(get("/cases/" + caseNumber).with(as("auditor", "AUDITOR"))).select("#extension-form")).isEmpty();
        assertThat(page(get("/cases/" + caseNumber).with(as("director", "MEDICAL_DIRECTOR"))).select("#extension-form"))
                .isNotEmpty();

        Document rejected = page(extension(path, "5", today, "").with(as("director", "MEDICAL_DIRECTOR")));
        assertThat(rejected.getElementById("days-error").text()).isEqualTo("An extension is 1 to 3 days.");
        assertThat(rejected.getElementById("reason-error").text()).startsWith("Say why the determination needs more time");
        Document notANumber = page(extension(path, "two", today).with(as("coordinator", "COORDINATOR")));
        assertThat(notANumber.getElementById("days-error").text()).isEqualTo("Enter a whole number.");
        assertThat(extensions(caseNumber)).isZero();

        mvc.perform(extension(path, "2", today).with(as("director", "MEDICAL_DIRECTOR")))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "extension.recorded"));
        assertThat(extensions(caseNumber)).isEqualTo(1);
        Element extended = page(get("/cases/" + caseNumber).with(as("coordinator", "COORDINATOR")))
                .selectFirst("#clock-DETERMINATION_FROM_ASSIGNMENT .clock-log li[data-event=EXTENDED]");
        assertThat(extended.text()).contains("2 days, approved by the Administrative Director (Administrative Director, DWC)",
                "The reviewer needs the physician's report.", "by director");
    }

    @Test
    void aDocumentReceivedDuringTheReviewIsFlaggedToTheReviewer() throws Exception {
        ImrClient coordinator = as("coordinator");
        String caseNumber = coordinator.receiveForReview(Scene.application(Map.of()));
        JsonNode assign = coordinator.awaitTask(caseNumber, "Task_AssignReviewer");
        String riley = null;
        for (JsonNode option : coordinator.get("/api/tasks/" + assign.get("id").asText() + "/form").json()
                .path("values").path("reviewerOptions")) {
            if (option.get("label").asText().contains("Riley")) {
                riley = option.get("value").asText();
            }
        }
        coordinator.workOk(caseNumber, "Task_AssignReviewer", Map.of("reviewerId", riley));
        ImrClient reviewer = as("reviewer");
        reviewer.acceptAssignment(caseNumber);
        long reviewTask = reviewer.awaitTask(caseNumber, "Task_ReviewCase").get("id").asLong();

        mvc.perform(documentUpload(caseNumber, new MockMultipartFile("file", "late-report.txt", "text/plain",
                        "A late progress report.".getBytes(StandardCharsets.UTF_8)), "EMPLOYEE", Applications.today().toString())
                        .with(as("coordinator", "COORDINATOR")))
                .andExpect(status().is3xxRedirection());
        awaitFile(caseNumber, file -> file.path("lateDocuments").size() == 1);

        Document task = page(get("/tasks/" + reviewTask).with(as("reviewer", "REVIEWER")));
        assertThat(task.getElementById("late-documents").text()).contains("A document arrived during the review");
        assertThat(task.select("#case-panel li:has(.late-document)").text()).contains("late-report.txt");
        assertThat(page(get("/cases/" + caseNumber).with(as("coordinator", "COORDINATOR")))
                .select("#documents li:has(.late-document)").text()).contains("late-report.txt", "received during review");
    }

    @Test
    void aCoordinatorWithdrawsTheReviewerOnTheCasePageWhoseNameOnlyStaffSee() throws Exception {
        ImrClient coordinator = as("coordinator");
        String caseNumber = coordinator.receiveForReview(Scene.application(Map.of()));
        coordinator.assignReviewer(caseNumber, "Riley");
        as("reviewer").acceptAssignment(caseNumber);
        as("reviewer").awaitTask(caseNumber, "Task_ReviewCase");
        String path = "/cases/" + caseNumber + "/reviewer/withdrawal";

        Document staff = page(get("/cases/" + caseNumber).with(as("coordinator", "COORDINATOR")));
        assertThat(staff.getElementById("reviewers").text()).contains("Dr. Riley Reviewer", "Accepted");
        assertThat(staff.select("#withdraw-reviewer")).isNotEmpty();
        Document audit = page(get("/cases/" + caseNumber).with(as("auditor", "AUDITOR")));
        assertThat(audit.getElementById("reviewers").text()).contains("Expert reviewer 1").doesNotContain("Riley");
        assertThat(audit.getElementById("history").text()).doesNotContain("Riley");
        assertThat(audit.select("#withdraw-reviewer")).isEmpty();
        mvc.perform(post(path).param("reason", "Unavailable").with(as("auditor", "AUDITOR")).with(csrf()))
                .andExpect(status().isForbidden());

        mvc.perform(post(path).param("reason", " ").with(as("coordinator", "COORDINATOR")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("errorText", containsString("Say why the reviewer is withdrawn")));
        mvc.perform(post(path).param("reason", "On leave from tomorrow for a month.")
                        .with(as("coordinator", "COORDINATOR")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "reviewer.withdrawn"));
        coordinator.awaitTask(caseNumber, "Task_AssignReviewer");
        Document after = page(get("/cases/" + caseNumber).with(as("coordinator", "COORDINATOR")));
        assertThat(after.getElementById("reviewers").text()).contains("Withdrawn", "On leave from tomorrow for a month.");
        assertThat(after.select("#withdraw-reviewer")).isEmpty();
    }

    @Test
    void theAdministrativeDirectorsApprovalOfSeveralReviewersIsRecordedOnTheCasePage() throws Exception {
        String caseNumber = as("coordinator").receive(Scene.application(Map.of()));
        as("coordinator").awaitStage(caseNumber, "RECORDS");
        String path = "/cases/" + caseNumber + "/panel-approval";
        assertThat(page(get("/cases/" + caseNumber).with(as("coordinator", "COORDINATOR"))).select("#approve-panel"))
                .isNotEmpty();
        mvc.perform(post(path).param("reviewers", "2").param("approvedOn", Applications.today().toString())
                        .with(as("auditor", "AUDITOR")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(path).param("reviewers", "2").param("approvedOn", Applications.today().toString())
                        .with(as("director", "MEDICAL_DIRECTOR")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("errorText", containsString("approval's reference")));
        mvc.perform(post(path).param("reviewers", "2").param("approvedOn", Applications.today().toString())
                        .param("reference", "AD letter 26-114").with(as("director", "MEDICAL_DIRECTOR")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "panel.approved"));
        assertThat(page(get("/cases/" + caseNumber).with(as("coordinator", "COORDINATOR"))).getElementById("panel-approval")
                .text()).contains("2 reviewers approved by the Administrative Director", "AD letter 26-114");
    }

    @Test
    void theAdministratorsMenuLinksTheBusinessCalendar() throws Exception {
        assertThat(page(get("/").with(as("admin", "ADMIN"))).selectFirst("#nav-calendar").attr("href"))
                .isEqualTo("/admin/calendar");
        assertThat(page(get("/").with(as("coordinator", "COORDINATOR"))).select("#nav-calendar")).isEmpty();
    }

    /**
     * The cases the tests of deadlines look at, created once: a case taken over 40 days after its assignment (its
     * records and determination overdue), one whose records are due today, an expedited one (records due in 24
     * hours) and a plain one (records due in 15 days).
     */
    private static Scene scene;

    private synchronized Scene scene() {
        if (scene == null) {
            scene = Scene.create(as("coordinator"), jdbc);
        }
        return scene;
    }

    private record Scene(String overdue, String dueToday, String expedited, String plain) {

        static final String LAST_NAME = "Clockwatcher";

        static Scene create(ImrClient coordinator, JdbcClient jdbc) {
            LocalDate today = Applications.today();
            String takenOver = "CM%02d-9%06d".formatted(today.getYear() % 100, System.nanoTime() % 1_000_000);
            String overdue = coordinator.receive(application(Map.of("caseNumber", takenOver,
                    "assignedDate", today.minusDays(40).toString(), "receivedDate", today.minusDays(45).toString(),
                    "urDecisionDate", today.minusDays(50).toString())));
            String dueToday = coordinator.receive(application(Map.of()));
            String expedited = coordinator.receive(application(Map.of("reviewType", "EXPEDITED")));
            String plain = coordinator.receive(application(Map.of("documents", List.of(Map.of("fileName", "ur.txt",
                    "contentType", "text/plain", "contentBase64",
                    Base64.getEncoder().encodeToString("UR decision.".getBytes(StandardCharsets.UTF_8)))))));
            for (String caseNumber : List.of(overdue, dueToday, expedited, plain)) {
                coordinator.awaitStage(caseNumber, "RECORDS");
            }
            jdbc.sql("""
                    update case_clock set due_at = :due
                    where kind = 'RECORDS' and case_id = (select id from imr_case where case_number = :n)""")
                    .param("due", java.sql.Timestamp.from(today.atTime(23, 59, 59).atZone(ZoneId.of("America/Los_Angeles")).toInstant()))
                    .param("n", dueToday).update();
            return new Scene(overdue, dueToday, expedited, plain);
        }

        static Map<String, Object> application(Map<String, Object> changes) {
            Map<String, Object> application = Applications.seed001();
            application.put("employeeLastName", LAST_NAME);
            application.putAll(changes);
            return application;
        }
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        String html = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return Jsoup.parse(html);
    }

    /** The case numbers the coordinator's case list shows for the scene's worker, in order. */
    private List<String> listed(String... parameters) throws Exception {
        MockHttpServletRequestBuilder request = get("/cases").param("q", Scene.LAST_NAME);
        for (int i = 0; i < parameters.length; i += 2) {
            request.param(parameters[i], parameters[i + 1]);
        }
        return page(request.with(as("coordinator", "COORDINATOR"))).select("#cases tr[data-case]").eachAttr("data-case");
    }

    private MockMultipartHttpServletRequestBuilder documentUpload(String caseNumber, MockMultipartFile file,
                                                                   String source, String receivedDate) {
        return (MockMultipartHttpServletRequestBuilder) multipart("/cases/" + caseNumber + "/documents").file(file)
                .param("source", source).param("receivedDate", receivedDate).with(csrf());
    }

    private static MockHttpServletRequestBuilder extension(String path, String days, String approvedOn) {
        return extension(path, days, approvedOn, "The reviewer needs the physician's report.");
    }

    private static MockHttpServletRequestBuilder extension(String path, String days, String approvedOn, String reason) {
        return post(path).param("days", days).param("approvedBy", "Administrative Director, DWC")
                .param("approvedOn", approvedOn).param("reason", reason).with(csrf());
    }

    private void awaitFile(String caseNumber, java.util.function.Predicate<JsonNode> condition) throws Exception {
        ImrClient auditor = as("auditor");
        long deadline = System.nanoTime() + 20_000_000_000L;
        JsonNode file = null;
        while (System.nanoTime() < deadline) {
            file = auditor.get("/api/cases/" + caseNumber).json();
            if (condition.test(file)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Case " + caseNumber + " never got there: " + file);
    }

    private static JsonNode clockOf(JsonNode file, String kind) {
        for (JsonNode clock : file.path("clocks")) {
            if (clock.path("kind").asText().equals(kind)) {
                return clock;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private long documents() {
        return jdbc.sql("select count(*) from case_document").query(Long.class).single();
    }

    private String reviewType(String caseNumber) {
        return jdbc.sql("select review_type from imr_case where case_number = :n").param("n", caseNumber)
                .query(String.class).single();
    }

    private long extensions(String caseNumber) {
        return jdbc.sql("""
                select count(*) from case_clock_event e join case_clock c on c.id = e.clock_id
                where c.case_number = :n and e.kind = 'EXTENDED'""").param("n", caseNumber).query(Long.class).single();
    }

    private static MockMultipartHttpServletRequestBuilder application() {
        return application(Map.of());
    }

    /** The seed 001 application as the new-application page posts it, with some fields changed. */
    private static MockMultipartHttpServletRequestBuilder application(Map<String, String> changes) {
        LocalDate today = LocalDate.now();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("reviewType", "STANDARD");
        fields.put("receivedDate", today.minusDays(3).toString());
        fields.put("employeeFirstName", "Dale");
        fields.put("employeeLastName", "Detailer");
        fields.put("claimNumber", "SC-2011-0527");
        fields.put("dateOfInjury", "2011-05-27");
        fields.put("employerName", "Shine Auto Detailing");
        fields.put("claimsAdministratorName", "Golden Claims");
        fields.put("requestingPhysicianName", "Dr. Pat Treating");
        fields.put("requestingPhysicianSpecialty", "Physical Medicine & Rehabilitation");
        fields.put("urDecisionDate", today.minusDays(10).toString());
        fields.put("urServiceMethod", "MAIL");
        fields.put("signed", "true");
        fields.put("urDecisionAttached", "true");
        fields.put("conditionalNonCertification", "false");
        fields.put("disputedItems[0].description", Applications.PSYCHOLOGY);
        fields.put("disputedItems[0].treatmentCategory", "BEHAVIORAL_HEALTH");
        fields.put("disputedItems[0].claimsAdministratorBasis", "NO_EVIDENCE");
        fields.putAll(changes);
        MockMultipartHttpServletRequestBuilder request = multipart("/cases/new");
        fields.forEach(request::param);
        return request;
    }

    private static RequestPostProcessor as(String username, String role) {
        return user(username).roles(role);
    }

    private long cases() {
        return jdbc.sql("select count(*) from imr_case").query(Long.class).single();
    }
}
