package org.imrflow.casefile;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.imrflow.InvalidInputException;
import org.imrflow.audit.AuditKind;
import org.imrflow.audit.AuditSearch;
import org.imrflow.deadlines.BusinessCalendar;

/**
 * The audit log page's filters, as typed: who acted, on which case, what kind of entry, and the days (in
 * California) from and to, both included. Empty means any. The same parameters filter the page, the API and the
 * export.
 */
public class AuditLogFilter {

    static final int MAX_TEXT = 64;

    private String actor;
    private String caseNumber;
    private String kind;
    private LocalDate from;
    private LocalDate to;

    /** The criteria to search with, or the fields that cannot be searched on, each with its message. */
    AuditSearch.Criteria criteria() {
        Map<String, String> errors = new LinkedHashMap<>();
        String who = blankToNull(actor);
        String number = blankToNull(caseNumber);
        if (who != null && who.length() > MAX_TEXT) {
            errors.put("actor", "Must be at most " + MAX_TEXT + " characters.");
        }
        if (number != null && number.length() > MAX_TEXT) {
            errors.put("caseNumber", "Must be at most " + MAX_TEXT + " characters.");
        }
        AuditKind chosen = null;
        if (blankToNull(kind) != null) {
            chosen = AuditKind.of(kind.strip()).orElse(null);
            if (chosen == null) {
                errors.put("kind", "Not a kind of entry the audit log holds: choose one from the list.");
            }
        }
        if (from != null && to != null && to.isBefore(from)) {
            errors.put("to", "Must not be before the From date.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new AuditSearch.Criteria(who, number == null ? null : number.toUpperCase(Locale.ROOT), chosen,
                from == null ? null : from.atStartOfDay(BusinessCalendar.CALIFORNIA).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(BusinessCalendar.CALIFORNIA).toInstant());
    }

    /** The filters in words, for the export's audit entry (no medical content: codes, logins and dates). */
    String describe() {
        StringBuilder text = new StringBuilder();
        append(text, "actor", blankToNull(actor));
        append(text, "case", blankToNull(caseNumber));
        append(text, "kind", blankToNull(kind));
        append(text, "from", from == null ? null : from.toString());
        append(text, "to", to == null ? null : to.toString());
        return text.isEmpty() ? "the whole log" : text.toString();
    }

    private static void append(StringBuilder text, String name, String value) {
        if (value != null) {
            text.append(text.isEmpty() ? "" : ", ").append(name).append(' ').append(value);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public void setCaseNumber(String caseNumber) {
        this.caseNumber = caseNumber;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
