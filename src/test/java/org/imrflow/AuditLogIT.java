package org.imrflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.imrflow.support.ApplicationIT;
import org.imrflow.support.Applications;
import org.imrflow.support.ImrClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The audit log pages on the real application and database: every entry in words, never as its code; the filters
 * by who, case, kind and dates; paging by entry; the CSV export, bounded (here at 60 entries) and itself audited;
 * the chain's verification; the case history with its views grouped; and each refusal: bad filters are a 400
 * naming the field, and only auditors and administrators may read the log.
 */
@TestPropertySource(properties = "imr.audit.export-limit=60")
class AuditLogIT extends ApplicationIT {

    /** A code as stored (CASE_CREATED): what no page may show. */
    private static final Pattern CODE = Pattern.compile("\\b[A-Z]{2,}(?:_[A-Z]{2,})+\\b");

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAuditorReadsTheLogInWordsAndFiltersPagesAndExportsIt() {
        ImrClient coordinator = as("coordinator");
        ImrClient auditor = as("auditor");
        String caseNumber = coordinator.receive(Applications.seed001());
        awaitStageUnread(caseNumber, "RECORDS");
        for (int i = 0; i < 52; i++) {
            assertThat(coordinator.get("/cases/" + caseNumber).status()).isEqualTo(200);
        }
        long entriesOfCase = count("case_number = '" + caseNumber + "'");
        long viewsOfCase = count("case_number = '" + caseNumber + "' and action = 'CASE_VIEWED'");
        assertThat(entriesOfCase).isGreaterThan(60).isLessThanOrEqualTo(100);

        Document log = page(auditor, "/audit");
        assertThat(log.select("#audit-entries tbody tr")).hasSize(50);
        assertNoCodes(log);
        assertThat(log.select("#nav-audit")).hasSize(1);

        // by case, paged by 50: the pages do not overlap and together hold every entry of the case
        Set<String> seen = new HashSet<>();
        Document first = page(auditor, "/audit?caseNumber=" + caseNumber.toLowerCase());
        List<Element> rows = new ArrayList<>(first.select("#audit-entries tbody tr"));
        assertThat(rows).hasSize(50);
        assertThat(first.select("#newer-entries").parents().first().hasClass("disabled")).isTrue();
        String older = first.select("#older-entries").attr("href");
        Document second = page(auditor, older);
        rows.addAll(second.select("#audit-entries tbody tr"));
        for (Element row : rows) {
            assertThat(row.select("td").get(3).text()).isEqualTo(caseNumber);
            assertThat(seen.add(row.attr("data-entry"))).as("entry shown twice").isTrue();
        }
        assertThat(rows).hasSize((int) entriesOfCase);
        assertThat(second.select("#older-entries").parents().first().hasClass("disabled")).isTrue();
        Document back = page(auditor, second.select("#newer-entries").attr("href"));
        assertThat(back.select("#audit-entries tbody tr").eachAttr("data-entry"))
                .isEqualTo(first.select("#audit-entries tbody tr").eachAttr("data-entry"));

        // by kind and who: words in the select, codes only in its values
        Document created = page(auditor, "/audit?kind=CASE_CREATED&actor=coordinator&caseNumber=" + caseNumber);
        assertThat(created.select("#audit-entries tbody tr")).hasSize(1);
        assertThat(created.select("#audit-entries tbody td").get(2).text())
                .isEqualTo("Application received and case opened");
        assertThat(created.select("#kind option[selected]").text()).isEqualTo("Application received and case opened");
        assertThat(page(auditor, "/audit?kind=CASE_CREATED&actor=director&caseNumber=" + caseNumber)
                .select("#no-entries")).hasSize(1);

        // by dates, as days in California
        LocalDate today = LocalDate.now(ZoneId.of("America/Los_Angeles"));
        assertThat(page(auditor, "/audit?caseNumber=" + caseNumber + "&from=" + today + "&to=" + today)
                .select("#audit-entries tbody tr")).hasSize(50);
        assertThat(page(auditor, "/audit?caseNumber=" + caseNumber + "&to=" + today.minusDays(1))
                .select("#no-entries")).hasSize(1);

        // the API, with the same filters and paging
        JsonNode api = auditor.get("/api/admin/audit/entries?kind=CASE_VIEWED&caseNumber=" + caseNumber).json();
        assertThat(api.get("entries")).hasSize(50);
        assertThat(api.get("entries").get(0).get("what").asText()).isEqualTo("Case file viewed");
        assertThat(api.get("entries").get(0).get("kind").asText()).isEqualTo("CASE_VIEWED");
        JsonNode next = auditor.get("/api/admin/audit/entries?kind=CASE_VIEWED&caseNumber=" + caseNumber
                + "&before=" + api.get("older").asLong()).json();
        assertThat(next.get("entries")).hasSize((int) viewsOfCase - 50);
        assertThat(next.hasNonNull("older")).isFalse();

        // the export: every entry matching, oldest first, and the export itself in the log
        ImrClient.Response csv = auditor.get("/audit/export.csv?actor=system&caseNumber=" + caseNumber);
        assertThat(csv.status()).isEqualTo(200);
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo(
                "entry,occurred_at_utc,occurred_at_pacific,actor,what,kind,case_number,detail,remote_address");
        long systemEntries = count("case_number = '" + caseNumber + "' and actor = 'system'");
        assertThat(lines).hasSize((int) systemEntries + 1);
        assertThat(csv.body()).contains(",system,Eligibility screened,ELIGIBILITY_SCREENED," + caseNumber + ",");
        List<Long> ids = java.util.Arrays.stream(lines).skip(1).map(line -> Long.parseLong(line.split(",")[0])).toList();
        assertThat(ids).isSorted();
        assertThat(jdbc.sql("select detail from audit_event where action = 'AUDIT_LOG_EXPORTED' and actor = 'auditor'"
                        + " order by id desc limit 1").query(String.class).single())
                .isEqualTo(systemEntries + " entries: actor system, case " + caseNumber);

        // more than the test's bound of 60: refused, to be narrowed
        ImrClient.Response tooMany = auditor.get("/audit/export.csv?caseNumber=" + caseNumber);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body()).contains("An export holds at most 60 entries");
    }

    @Test
    void theCaseHistoryReadsInWordsWithItsViewsGrouped() {
        ImrClient coordinator = as("coordinator");
        String caseNumber = coordinator.receive(Applications.seed001());
        coordinator.awaitStage(caseNumber, "RECORDS");
        for (int i = 0; i < 4; i++) {
            coordinator.get("/cases/" + caseNumber);
        }
        Document casePage = page(as("auditor"), "/cases/" + caseNumber);
        Element history = casePage.selectFirst("#history");
        assertNoCodes(history);
        List<String> what = history.select("tbody tr td:nth-child(3)").eachText();
        assertThat(what).contains("Application received and case opened");
        String today = LocalDate.now(ZoneId.of("America/Los_Angeles"))
                .format(java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy"));
        long views = count("case_number = '" + caseNumber + "' and action = 'CASE_VIEWED' and actor = 'coordinator'");
        assertThat(views).isGreaterThanOrEqualTo(4);
        assertThat(what).contains("Case file viewed " + views + " times by coordinator on " + today);
        assertThat(history.select("tbody tr").stream()
                .filter(row -> row.select("td").get(1).text().equals("coordinator"))
                .filter(row -> row.select("td").get(2).text().startsWith("Case file viewed"))).hasSize(1);
        assertThat(history.select("#history-audit-log").attr("href")).endsWith("/audit?caseNumber=" + caseNumber);
    }

    @Test
    void anAuditorSeesReviewersInTheLogByTheirPanelNumberNeverByLogin() {
        ImrClient coordinator = as("coordinator");
        String caseNumber = coordinator.receiveForReview(Applications.seed001());
        coordinator.assignReviewer(caseNumber, "Riley");
        as("reviewer").acceptAssignment(caseNumber);
        long panelNumber = jdbc.sql("select id from reviewer where username = 'reviewer'").query(Long.class).single();
        String pseudonym = "Expert reviewer #" + panelNumber;

        JsonNode seenByAuditor = as("auditor").get("/api/admin/audit/entries?caseNumber=" + caseNumber).json();
        List<String> actors = seenByAuditor.get("entries").findValuesAsText("actor");
        assertThat(actors).contains(pseudonym, "coordinator").doesNotContain("reviewer");
        assertThat(as("auditor").get("/api/admin/audit/entries?actor=reviewer").json().get("entries")).isEmpty();
        assertThat(as("auditor").get("/api/admin/audit/entries", Map.of("caseNumber", caseNumber, "actor", pseudonym))
                .json().get("entries").findValuesAsText("kind")).contains("ASSIGNMENT_ACCEPTED");
        assertThat(as("auditor").get("/audit/export.csv?caseNumber=" + caseNumber + "&kind=ASSIGNMENT_ACCEPTED").body())
                .contains("," + pseudonym + ",").doesNotContain(",reviewer,");
        // administrators know who reviews
        assertThat(as("admin").get("/api/admin/audit/entries?caseNumber=" + caseNumber).json().get("entries")
                .findValuesAsText("actor")).contains("reviewer").doesNotContain(pseudonym);
    }

    @Test
    void anAuditorVerifiesTheChainOnThePage() {
        as("coordinator").receive(Applications.seed001());
        Document verified = page(as("auditor"), "/audit/verify");
        assertThat(verified.select("#verification.alert-success").text()).startsWith("The chain holds:");
    }

    @Test
    void badFiltersAreA400NamingTheFieldAndTheLogIsOnlyForAuditorsAndAdministrators() {
        ImrClient auditor = as("auditor");
        ImrClient.Response unknownKind = auditor.get("/audit?kind=DROP_TABLE");
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(Jsoup.parse(unknownKind.body()).select("#kind.is-invalid + .invalid-feedback").text())
                .contains("Not a kind of entry");
        ImrClient.Response badDate = auditor.get("/audit?from=2026-13-45");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(Jsoup.parse(badDate.body()).select("#from + .invalid-feedback").text()).contains("Enter a date");
        ImrClient.Response backwards = auditor.get("/audit?from=2026-03-01&to=2026-02-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(Jsoup.parse(backwards.body()).select("#to + .invalid-feedback").text())
                .contains("Must not be before the From date");
        ImrClient.Response apiKind = auditor.get("/api/admin/audit/entries?kind=nope");
        assertThat(apiKind.status()).isEqualTo(400);
        assertThat(apiKind.json().get("errors").get("kind").asText()).contains("Not a kind of entry");
        assertThat(auditor.get("/api/admin/audit/entries?from=yesterday").status()).isEqualTo(400);
        assertThat(auditor.get("/api/admin/audit/entries?before=x").status()).isEqualTo(400);
        assertThat(auditor.get("/audit/export.csv?to=1800-01-01").status()).isEqualTo(400);
        assertThat(auditor.get("/audit/export.csv?kind=NOPE").status()).isEqualTo(400);
        assertThat(as("admin").get("/audit").status()).isEqualTo(200);

        for (String user : List.of("coordinator", "reviewer", "director")) {
            ImrClient someone = as(user);
            assertThat(someone.get("/audit").status()).as(user).isEqualTo(403);
            assertThat(someone.get("/audit/verify").status()).as(user).isEqualTo(403);
            assertThat(someone.get("/audit/export.csv").status()).as(user).isEqualTo(403);
            assertThat(someone.get("/api/admin/audit/entries").status()).as(user).isEqualTo(403);
            assertThat(Jsoup.parse(someone.get("/").body()).select("#nav-audit")).as(user).isEmpty();
        }
        // no endpoint writes to the log
        assertThat(auditor.post("/api/admin/audit/entries", "{}").status()).isEqualTo(405);
        assertThat(as("admin").put("/api/admin/audit/entries", "{}").status()).isEqualTo(405);
    }

    /**
     * Waits until the case is at the stage, looking in the database: each read of the case file while waiting would
     * add a view to the case's log, as many as a slower machine needs.
     */
    private void awaitStageUnread(String caseNumber, String stage) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!stage.equals(jdbc.sql("select stage from imr_case where case_number = ?").param(caseNumber)
                .query(String.class).optional().orElse(null))) {
            assertThat(Instant.now()).as(caseNumber + " at " + stage).isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private long count(String condition) {
        return jdbc.sql("select count(*) from audit_event where " + condition).query(Long.class).single();
    }

    private static Document page(ImrClient user, String path) {
        ImrClient.Response response = user.get(path.replaceFirst("^https?://[^/]+", ""));
        assertThat(response.status()).as(path).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    /** The page's text, and its options' words, hold no code. */
    private static void assertNoCodes(Element page) {
        Element main = page.selectFirst("main") != null ? page.selectFirst("main") : page;
        assertThat(CODE.matcher(main.text()).results().map(m -> m.group()).toList()).isEmpty();
    }
}
