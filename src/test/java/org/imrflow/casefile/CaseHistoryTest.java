package org.imrflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.imrflow.audit.AuditLog.AuditEntry;
import org.junit.jupiter.api.Test;

class CaseHistoryTest {

    private final List<AuditEntry> entries = new ArrayList<>();

    private void entry(String at, String actor, String action, String detail) {
        entries.add(new AuditEntry(entries.size() + 1, Instant.parse(at), actor, action, "CM26-0000001", detail,
                null));
    }

    @Test
    void viewsOfOnePersonOfOneKindOnOneCaliforniaDayAreOneRowWhereTheFirstWas() {
        entry("2026-12-02T17:00:00Z", "coordinator", "CASE_CREATED", "application received");
        entry("2026-12-02T17:05:00Z", "reviewer", "CASE_VIEWED", "case file opened");
        entry("2026-12-02T18:00:00Z", "reviewer", "DOCUMENT_VIEWED", "document 3");
        entry("2026-12-02T19:00:00Z", "reviewer", "CASE_VIEWED", "case file opened");
        entry("2026-12-02T20:00:00Z", "reviewer", "REVIEW_SUBMITTED", "2 items");
        entry("2026-12-02T21:00:00Z", "reviewer", "DOCUMENT_VIEWED", "document 4");
        entry("2026-12-02T22:00:00Z", "reviewer", "DOCUMENT_VIEWED", "document 3");
        entry("2026-12-03T01:00:00Z", "director", "CASE_VIEWED", "case file opened");
        // 7:30 PM on 12/02 in California, but 12/03 in UTC: the same day as the others
        entry("2026-12-03T03:30:00Z", "reviewer", "CASE_VIEWED", "case file opened");
        // 12/03 in California: a day of its own
        entry("2026-12-03T17:00:00Z", "reviewer", "CASE_VIEWED", "case file opened");

        List<CaseHistory.Row> rows = CaseHistory.of(entries).rows();

        assertThat(rows).extracting(CaseHistory.Row::action).containsExactly("CASE_CREATED", "CASE_VIEWED",
                "DOCUMENT_VIEWED", "REVIEW_SUBMITTED", "CASE_VIEWED", "CASE_VIEWED");
        CaseHistory.Row caseViews = rows.get(1);
        assertThat(caseViews.count()).isEqualTo(3);
        assertThat(caseViews.grouped()).isTrue();
        assertThat(caseViews.occurredAt()).isEqualTo(Instant.parse("2026-12-02T17:05:00Z"));
        assertThat(caseViews.lastAt()).isEqualTo(Instant.parse("2026-12-03T03:30:00Z"));
        assertThat(caseViews.details()).containsExactly("case file opened");
        CaseHistory.Row documentViews = rows.get(2);
        assertThat(documentViews.count()).isEqualTo(3);
        assertThat(documentViews.details()).containsExactly("document 3", "document 4");
        assertThat(rows.get(3).grouped()).isFalse();
        assertThat(rows.get(4).actor()).isEqualTo("director");
        assertThat(rows.get(5).count()).isOne();
        assertThat(rows.get(5).day()).hasToString("2026-12-03");
    }

    @Test
    void csvCellsAreQuotedWhenTheyMustBeAndNeverReadAsFormulas() {
        assertThat(AuditLogReading.cell("plain")).isEqualTo("plain");
        assertThat(AuditLogReading.cell(null)).isEmpty();
        assertThat(AuditLogReading.cell("a, \"b\"")).isEqualTo("\"a, \"\"b\"\"\"");
        assertThat(AuditLogReading.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(AuditLogReading.cell("-1")).isEqualTo("'-1");
        assertThat(AuditLogReading.cell("two\nlines")).isEqualTo("\"two\nlines\"");
    }
}
