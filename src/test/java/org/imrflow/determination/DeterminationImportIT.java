package org.imrflow.determination;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.imrflow.correspondence.DeterminationLetterParser;
import org.imrflow.correspondence.LetterRenderer;
import org.imrflow.correspondence.RenderedLetter;
import org.imrflow.support.ApplicationIT;
import org.imrflow.support.ImrClient;
import org.imrflow.support.SharedLetters;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The import of historical Final Determination Letters, on the real application, engine and database: a DWC letter
 * of 2016 as text, a seed letter of 2013 without a header block, and a PDF this system rendered, each becoming a
 * decided, imported case that the case list finds and the case page shows, whose letter reads as the original; and
 * the refusals, which store nothing. All tests share one application: each imports its own letters.
 */
class DeterminationImportIT extends ApplicationIT {

    private static final String IMPORT = "/api/determinations/import";
    private static final String NOT_IN_LETTER = "Not in the imported letter";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LetterRenderer renderer;

    @Test
    void aLetterOf2016BecomesADecidedImportedCaseWithItsLetterAndIsImportedOnce() {
        ImrClient admin = as("admin");
        String original = SharedLetters.text("letters-2016/CM16-0239569.txt");

        ImrClient.Response imported = admin.post(IMPORT, Map.of("text", original));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.location()).endsWith("/api/cases/CM16-0239569");
        JsonNode result = imported.json();
        assertThat(result.get("caseNumber").asText()).isEqualTo("CM16-0239569");
        assertThat(result.get("templateVersion").asText()).isEqualTo("2016");
        assertThat(result.get("warnings").get(0).asText()).contains("Words split by stray spaces");

        JsonNode file = as("coordinator").get("/api/cases/CM16-0239569").json();
        JsonNode summary = file.get("summary");
        assertThat(summary.get("stage").asText()).isEqualTo("DECIDED");
        assertThat(summary.get("imported").asBoolean()).isTrue();
        assertThat(summary.has("closedAt")).isTrue();
        assertThat(summary.get("reviewType").asText()).isEqualTo("STANDARD");
        assertThat(summary.get("receivedDate").asText()).isEqualTo("2016-12-13");
        assertThat(summary.get("dateOfInjury").asText()).isEqualTo("2016-11-15");
        assertThat(summary.get("urDecisionDate").asText()).isEqualTo("2016-12-09");
        assertThat(summary.get("employeeFirstName").asText()).isEqualTo(NOT_IN_LETTER);
        assertThat(summary.get("claimNumber").asText()).isEqualTo(NOT_IN_LETTER);
        assertThat(file.get("parties").findValuesAsText("name")).containsOnly(NOT_IN_LETTER);

        JsonNode items = file.get("items");
        assertThat(items).hasSize(5);
        for (JsonNode item : items) {
            assertThat(item.path("review").path("decision").asText()).isIn("UPHELD", "OVERTURNED");
            assertThat(item.path("review").path("decisionRationale").asText()).isNotBlank();
        }
        assertThat(file.get("clinicalCaseSummary").asText()).isNotBlank();
        assertThat(file.get("determination").get("imported").asBoolean()).isTrue();
        assertThat(file.get("determination").get("upheldItems").asInt()
                + file.get("determination").get("overturnedItems").asInt()).isEqualTo(5);
        assertThat(file.get("clocks")).as("no deadline runs").isEmpty();
        assertThat(file.get("tasks")).isEmpty();
        assertThat(file.get("history").findValuesAsText("action"))
                .contains("CASE_IMPORTED", "REVIEW_IMPORTED", "LETTER_IMPORTED", "DETERMINATION_IMPORTED")
                .doesNotContain("STAGE_CHANGED", "LETTER_ISSUED");
        long caseId = jdbc.sql("select id from imr_case where case_number = 'CM16-0239569'").query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from case_process where case_id = :id").param("id", caseId)
                .query(Long.class).single()).as("no process").isZero();

        assertThat(letterWords("CM16-0239569", admin)).isEqualTo(SharedLetters.words(original));
        assertThat(jdbc.sql("select template_version from letter where case_id = :id").param("id", caseId)
                .query(String.class).single()).isEqualTo("2016");
        JsonNode document = file.get("documents").get(0);
        assertThat(document.get("source").asText()).isEqualTo("OTHER");
        assertThat(document.get("contentType").asText()).isEqualTo("text/plain");
        assertThat(new String(admin.bytes("/cases/CM16-0239569/documents/" + document.get("id").asText()),
                StandardCharsets.UTF_8)).as("the letter as it came").isEqualTo(original);

        long casesBefore = count("imr_case");
        ImrClient.Response again = admin.post(IMPORT, Map.of("text", original));
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("CM16-0239569");
        assertThat(count("imr_case")).isEqualTo(casesBefore);
    }

    @Test
    void anImportedCaseIsFoundInTheCaseListAndShownOnTheCasePage() throws Exception {
        ImrClient admin = as("admin");
        assertThat(admin.post(IMPORT, Map.of("text", SharedLetters.text("letters-2016/CM17-0011517.txt"))).status())
                .isEqualTo(201);
        ImrClient coordinator = as("coordinator");

        Document byNumber = Jsoup.parse(coordinator.get("/cases?q=CM17-00115").body());
        assertThat(byNumber.select("tr[data-case=CM17-0011517]")).hasSize(1);
        assertThat(byNumber.select("tr[data-case=CM17-0011517]").text()).contains("Decided", NOT_IN_LETTER);
        Document decided = Jsoup.parse(coordinator.get("/cases?stage=DECIDED&sort=RECEIVED").body());
        assertThat(decided.select("tr[data-case=CM17-0011517]")).hasSize(1);

        ImrClient.Response page = coordinator.get("/cases/CM17-0011517");
        assertThat(page.status()).isEqualTo(200);
        Document casePage = Jsoup.parse(page.body());
        assertThat(casePage.select("#case-stage").text()).isEqualTo("Decided");
        assertThat(casePage.select("#parties").text()).contains(NOT_IN_LETTER, "01/17/2017");
        assertThat(casePage.select("#determination").text()).contains("decided 02/13/2017", "imported letter");
        assertThat(casePage.select("#letters").text()).contains("Imported");
        assertThat(casePage.select("#items li")).hasSize(2);
        assertThat(casePage.select("#items").text()).contains("Rationale");
        assertThat(casePage.select("#documents a")).hasSize(1);
        assertThat(page.body()).doesNotContain("??");
    }

    @Test
    void aSeedLetterWithoutHeaderNeedsItsCaseNumberAndLeavesWhatItDoesNotStateEmpty() {
        ImrClient admin = as("admin");
        String seed = SharedLetters.text("seeds/001_bb4913a5b984f6c8.txt");
        assertFieldError(admin.post(IMPORT, Map.of("text", seed)), "caseNumber");

        ImrClient.Response imported = admin.post(IMPORT, Map.of("text", seed, "caseNumber", "CM13-0000001",
                "templateVersion", "2013a"));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("templateVersion").asText()).isEqualTo("2013a");
        assertThat(imported.json().get("warnings")).hasSize(2); // mojibake, and the letter ends mid-sentence

        JsonNode file = as("auditor").get("/api/cases/CM13-0000001").json();
        JsonNode summary = file.get("summary");
        assertThat(summary.get("stage").asText()).isEqualTo("DECIDED");
        for (String unknown : List.of("reviewType", "receivedDate", "dateOfInjury", "urDecisionDate",
                "urServiceMethod", "assignedAt")) {
            assertThat(summary.has(unknown)).as(unknown + " is not in the letter").isFalse();
        }
        assertThat(file.get("determination").has("issuedAt")).isFalse();
        assertThat(file.get("items")).hasSize(2);
        assertThat(letterWords("CM13-0000001", admin)).isEqualTo(SharedLetters.words(seed));

        Document casePage = Jsoup.parse(as("coordinator").get("/cases/CM13-0000001").body());
        assertThat(casePage.select("#determination").text()).contains("states no decision date");
        Document list = Jsoup.parse(as("coordinator").get("/cases?q=CM13-0000001").body());
        assertThat(list.select("tr[data-case=CM13-0000001]").text()).contains(NOT_IN_LETTER);

        // the same wording as a file upload: seed 004, the 2013 text with "strength" spelled right
        String seed004 = SharedLetters.text("seeds/004_e18a79b329e14890.txt");
        ImrClient.Response uploaded = admin.postMultipart(IMPORT, Map.of("file", new ImrClient.FilePart("seed004.txt",
                "text/plain", seed004.getBytes(StandardCharsets.UTF_8)), "caseNumber", "CM13-0000004"));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        assertThat(uploaded.json().get("templateVersion").asText()).isEqualTo("2013b");
        assertThat(letterWords("CM13-0000004", admin)).isEqualTo(SharedLetters.words(seed004));
        assertThat(as("admin").get("/api/cases/CM13-0000004").json().get("documents").get(0).get("fileName").asText())
                .isEqualTo("seed004.txt");
    }

    @Test
    void aPdfThisSystemRenderedIsImportedAsItsLetter() {
        String text = SharedLetters.text("letters-2016/CM17-0004133.txt");
        RenderedLetter rendered = renderer.renderDetermination(new DeterminationLetterParser().parse(text)
                .content());

        ImrClient.Response imported = as("admin").postMultipart(IMPORT, Map.of(
                "file", new ImrClient.FilePart("CM17-0004133.pdf", "application/pdf", rendered.pdf()),
                "templateVersion", "2016"));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("caseNumber").asText()).isEqualTo("CM17-0004133");
        assertThat(imported.json().get("warnings")).as("a PDF of this system needs no repair").isEmpty();

        JsonNode letters = as("admin").get("/api/cases/CM17-0004133/letters").json();
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).get("imported").asBoolean()).isTrue();
        String stored = as("admin").get("/api/cases/CM17-0004133/letters/" + letters.get(0).get("id").asText()).body();
        assertThat(stored).as("this system's own rendering, word for word").isEqualTo(rendered.text());
        assertThat(SharedLetters.words(stored)).isEqualTo(SharedLetters.words(text));
        JsonNode document = as("admin").get("/api/cases/CM17-0004133").json().get("documents").get(0);
        assertThat(document.get("contentType").asText()).isEqualTo("application/pdf");
        assertThat(document.get("sha256").asText()).isEqualTo(rendered.sha256());
    }

    @Test
    void aGuidelineLineThatFitsNoWordingIsKeptAsPrinted() {
        String original = SharedLetters.text("letters-2016/CM16-0248698.txt");
        ImrClient.Response imported = as("admin").post(IMPORT, Map.of("text", original));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("warnings").get(0).asText()).contains("Item 21", "verbatim");

        JsonNode items = as("admin").get("/api/cases/CM16-0248698").json().get("items");
        assertThat(items).hasSize(21);
        assertThat(items.get(20).get("claimsAdministratorGuideline").asText())
                .startsWith("The Claims Administrator based their decision on recommendation(s) outside of the MTUS");
        assertThat(letterWords("CM16-0248698", as("admin"))).isEqualTo(SharedLetters.words(original));
    }

    @Test
    void onlyAdministratorsImportAndALetterThatCannotBeImportedStoresNothing() {
        String letter = SharedLetters.text("letters-2016/CM17-0013587.txt");
        Map<String, Long> before = counts();

        for (String user : List.of("coordinator", "reviewer", "director", "auditor")) {
            assertThat(as(user).post(IMPORT, Map.of("text", letter)).status()).as(user).isEqualTo(403);
        }
        assertThat(as("coordinator").postMultipart(IMPORT, Map.of("file", new ImrClient.FilePart("letter.txt",
                "text/plain", letter.getBytes(StandardCharsets.UTF_8)))).status()).isEqualTo(403);

        ImrClient admin = as("admin");
        ImrClient.Response garbage = admin.post(IMPORT, Map.of("text", "Dear colleague, this is no letter."));
        assertFieldError(garbage, "text");
        assertThat(garbage.json().get("errors").get("text").asText()).contains("HOW THE IMR FINAL DETERMINATION WAS MADE");
        assertFieldError(admin.post(IMPORT, Map.of()), "text");
        assertFieldError(admin.post(IMPORT, Map.of("text", letter, "templateVersion", "2017")), "templateVersion");
        assertFieldError(admin.post(IMPORT, Map.of("text", letter, "templateVersion", "2015")), "templateVersion");
        assertFieldError(admin.post(IMPORT, Map.of("text", letter, "caseNumber", "CM17-0000001")), "caseNumber");
        assertFieldError(admin.post(IMPORT, Map.of("text", letter, "caseNumber", "17-13587")), "caseNumber");
        Map<String, Object> unknownField = new HashMap<>(Map.of("text", letter, "employee", "Jane Doe"));
        assertFieldError(admin.post(IMPORT, unknownField), "employee");
        assertFieldError(admin.postMultipart(IMPORT, Map.of("templateVersion", "2016")), "file");
        assertFieldError(admin.postMultipart(IMPORT, Map.of("file", new ImrClient.FilePart("letter.pdf",
                "application/pdf", new byte[] {(byte) 0xC3, 0x28, 0x00, (byte) 0xFF}))), "file");
        assertFieldError(admin.postMultipart(IMPORT, Map.of("file", new ImrClient.FilePart("letter.pdf",
                "application/pdf", "%PDF-1.7 but nothing more".getBytes(StandardCharsets.US_ASCII)))), "file");

        assertThat(counts()).as("nothing stored").isEqualTo(before);

        JsonNode documented = admin.get("/v3/api-docs").json().path("paths").path(IMPORT).path("post");
        assertThat(documented.path("requestBody").path("content").has("application/json")).as(documented.toString())
                .isTrue();
        assertThat(documented.path("requestBody").path("content").has("multipart/form-data")).as(documented.toString())
                .isTrue();
    }

    /** The words of the case's Final Determination Letter as stored, whitespace removed. */
    private static String letterWords(String caseNumber, ImrClient client) {
        JsonNode letters = client.get("/api/cases/" + caseNumber + "/letters").json();
        assertThat(letters.findValuesAsText("kind")).containsExactly("FINAL_DETERMINATION");
        return SharedLetters.words(client.get("/api/cases/" + caseNumber + "/letters/"
                + letters.get(0).get("id").asText()).body());
    }

    private static void assertFieldError(ImrClient.Response response, String field) {
        assertThat(response.status()).as(field + ": " + response.body()).isEqualTo(400);
        assertThat(response.json().path("errors").has(field)).as(field + " in " + response.body()).isTrue();
        assertThat(response.body()).doesNotContain("Exception");
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new HashMap<>();
        for (String table : List.of("imr_case", "disputed_item", "item_decision", "clinical_review", "determination",
                "letter", "case_document")) {
            counts.put(table, count(table));
        }
        return counts;
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
