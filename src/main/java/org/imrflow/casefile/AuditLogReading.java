package org.imrflow.casefile;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.imrflow.InvalidInputException;
import org.imrflow.assignment.CaseReviewers;
import org.imrflow.audit.AuditKind;
import org.imrflow.audit.AuditLog;
import org.imrflow.audit.AuditSearch;
import org.imrflow.audit.AuditVerification;
import org.imrflow.audit.AuditWords;
import org.imrflow.deadlines.BusinessCalendar;
import org.imrflow.security.AccessDeniedException;
import org.imrflow.security.Actor;
import org.imrflow.security.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The audit log across cases, for auditors and administrators only: searched a page at a time, exported as CSV
 * (each export audited, and bounded: a larger one must be narrowed), and its hash chain verified. Nothing here
 * writes to the log but the record of an export.
 */
@Service
public class AuditLogReading {

    static final int PAGE_SIZE = 50;

    private static final DateTimeFormatter PACIFIC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z")
            .withZone(BusinessCalendar.CALIFORNIA);

    private final AuditSearch search;
    private final AuditLog audit;
    private final AuditVerification verification;
    private final AuditWords words;
    private final CaseReviewers reviewers;
    private final long exportLimit;

    AuditLogReading(AuditSearch search, AuditLog audit, AuditVerification verification, AuditWords words,
                    CaseReviewers reviewers, @Value("${imr.audit.export-limit:100000}") long exportLimit) {
        this.reviewers = reviewers;
        this.exportLimit = exportLimit;
        this.search = search;
        this.audit = audit;
        this.verification = verification;
        this.words = words;
    }

    /** The page of entries older than {@code before} (or just newer than {@code after}); the newest given neither. */
    public AuditSearch.Page page(AuditLogFilter filter, Long before, Long after, Actor actor) {
        requireAuditor(actor);
        Optional<AuditSearch.Criteria> criteria = criteria(filter, actor);
        if (criteria.isEmpty()) {
            return new AuditSearch.Page(List.of(), false, false);
        }
        UnaryOperator<String> shown = reviewers.shownAcrossCases(actor);
        AuditSearch.Page page = search.page(criteria.get(), before, after, PAGE_SIZE);
        return new AuditSearch.Page(page.entries().stream().map(e -> e.withActor(shown)).toList(), page.hasOlder(),
                page.hasNewer());
    }

    /** The filter's criteria as the log stores them; empty if it names someone the actor may not look up. */
    private Optional<AuditSearch.Criteria> criteria(AuditLogFilter filter, Actor actor) {
        AuditSearch.Criteria typed = filter.criteria();
        if (typed.actor() == null) {
            return Optional.of(typed);
        }
        return reviewers.loginShownAs(typed.actor(), actor).map(typed::withActor);
    }

    public AuditVerification.Verification verify(Actor actor) {
        requireAuditor(actor);
        return verification.verify();
    }

    /**
     * The export of every entry the filter matches, checked and recorded now, written when asked. More than
     * {@code imr.audit.export-limit} entries (100,000) is refused: the filter must be narrowed.
     */
    public Export export(AuditLogFilter filter, Actor actor) {
        requireAuditor(actor);
        AuditSearch.Criteria criteria = criteria(filter, actor).orElse(null);
        long entries = criteria == null ? 0 : search.count(criteria, exportLimit + 1);
        if (entries > exportLimit) {
            throw InvalidInputException.of("from", "An export holds at most " + exportLimit
                    + " entries and these filters match more: narrow the dates or add a filter.");
        }
        audit.recordAs(actor.username(), AuditKind.AUDIT_LOG_EXPORTED.code(), null,
                entries + " entries: " + filter.describe());
        return new Export(criteria, reviewers.shownAcrossCases(actor));
    }

    /** The most entries one export holds. */
    long exportLimit() {
        return exportLimit;
    }

    /** The audit log is for auditors and administrators. */
    static void requireAuditor(Actor actor) {
        if (!actor.has(Role.AUDITOR) && !actor.has(Role.ADMIN)) {
            throw new AccessDeniedException("The audit log is for auditors and administrators.");
        }
    }

    /** An export ready to be written: one CSV row per entry, oldest first, read from the log as it is written. */
    public final class Export {

        private final AuditSearch.Criteria criteria;
        private final UnaryOperator<String> shown;

        private Export(AuditSearch.Criteria criteria, UnaryOperator<String> shown) {
            this.criteria = criteria;
            this.shown = shown;
        }

        public void writeCsv(OutputStream out) throws IOException {
            Writer csv = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            csv.write("entry,occurred_at_utc,occurred_at_pacific,actor,what,kind,case_number,detail,remote_address\r\n");
            try {
                if (criteria != null) {
                    search.forEach(criteria, e -> row(csv, e.withActor(shown)));
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            csv.flush();
        }

        private void row(Writer csv, AuditLog.AuditEntry e) {
            try {
                csv.write(e.id() + "," + e.occurredAt() + "," + PACIFIC.format(e.occurredAt()) + ","
                        + cell(e.actor()) + "," + cell(words.action(e.action())) + "," + cell(e.action()) + ","
                        + cell(e.caseNumber()) + "," + cell(e.detail()) + "," + cell(e.remoteAddress()) + "\r\n");
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        }
    }

    /**
     * A CSV cell (RFC 4180), quoted when it must be; text a spreadsheet would take for a formula starts with an
     * apostrophe, since actors' names and details can hold what someone typed.
     */
    static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
