package org.imrflow.casefile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.imrflow.audit.AuditSearch;
import org.imrflow.audit.AuditVerification;
import org.imrflow.audit.AuditWords;
import org.imrflow.correspondence.LetterCheck;
import org.imrflow.correspondence.Letters;
import org.imrflow.security.Actor;
import org.imrflow.web.ApiController;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log for auditors and administrators: its entries, searched a page at a time (the CSV export is
 * {@code /audit/export.csv}, which takes the same filters), the verification of its hash chain, and of the issued
 * letters against the hashes they were issued with.
 */
@ApiController("/api/admin/audit")
@Tag(name = "Audit")
class AuditApi {

    private final AuditLogReading log;
    private final AuditWords words;
    private final Letters letters;

    AuditApi(AuditLogReading log, AuditWords words, Letters letters) {
        this.log = log;
        this.words = words;
        this.letters = letters;
    }

    /** An entry as the API shows it: its kind as stored and in words. */
    record Entry(long id, Instant occurredAt, String actor, String kind, String what, String caseNumber,
                 String detail, String remoteAddress) {}

    /** A page of entries, newest first; {@code older} and {@code newer} are the ids to ask with for the next. */
    record EntryPage(List<Entry> entries, Long older, Long newer) {}

    @GetMapping("/entries")
    @Operation(summary = "Search the audit log across cases, newest first, 50 entries a page: pass `before` (or "
            + "`after`) the id a page's `older` (or `newer`) gives for the next (auditors, administrators)")
    EntryPage entries(@ParameterObject @ModelAttribute AuditLogFilter filter,
                      @RequestParam(required = false) Long before, @RequestParam(required = false) Long after) {
        AuditSearch.Page page = log.page(filter, before, after, Actor.current());
        return new EntryPage(page.entries().stream().map(e -> new Entry(e.id(), e.occurredAt(), e.actor(), e.action(),
                words.action(e.action()), e.caseNumber(), e.detail(), e.remoteAddress())).toList(),
                page.hasOlder() ? page.oldestId() : null, page.hasNewer() ? page.newestId() : null);
    }

    @GetMapping("/verify")
    @Operation(summary = "Walk the audit log's hash chain and report the first break (auditors, administrators)")
    AuditVerification.Verification verify() {
        return log.verify(Actor.current());
    }

    @GetMapping("/letters")
    @Operation(summary = "Check every issued letter's text and PDF against the SHA-256 each was issued with, and name "
            + "those altered since (auditors, administrators)")
    LetterCheck letters() {
        AuditLogReading.requireAuditor(Actor.current());
        return letters.check();
    }
}
